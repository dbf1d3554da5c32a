<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Mengelola data keluarga, program dan bantuan bencana di satu kecamatan.</source>
        <translation>Manages family data, programmes and disaster relief in one sub-district.</translation>
    </message>
    <message>
        <source>Mencatat asesmen, tahapan dan kunjungan untuk keluarga dampingannya sendiri.</source>
        <translation>Records assessments, stages and visits for the families they facilitate.</translation>
    </message>
    <message>
        <source>Seperti operator di semua kecamatan, dan memutuskan graduasi.</source>
        <translation>Like an operator in every sub-district, and decides on graduation.</translation>
    </message>
    <message>
        <source>Semua hal, termasuk pengguna, pengaturan dan data referensi.</source>
        <translation>Everything, including users, settings and reference data.</translation>
    </message>
    <message>
        <source>Hanya melihat dan mengekspor laporan.</source>
        <translation>Only views and exports reports.</translation>
    </message>
    <message>
        <source>Tambah pengguna</source>
        <translation>Add user</translation>
    </message>
    <message>
        <source>— pilih —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>&amp;Nama pengguna:</source>
        <translation>&amp;Username:</translation>
    </message>
    <message>
        <source>Nama &amp;lengkap:</source>
        <translation>&amp;Full name:</translation>
    </message>
    <message>
        <source>&amp;Peran:</source>
        <translation>R&amp;ole:</translation>
    </message>
    <message>
        <source>&amp;Kecamatan:</source>
        <translation>Sub-&amp;district:</translation>
    </message>
    <message>
        <source>Data pen&amp;damping:</source>
        <translation>Faci&amp;litator record:</translation>
    </message>
    <message>
        <source>Kata sandi &amp;awal:</source>
        <translation>&amp;Initial password:</translation>
    </message>
    <message>
        <source>&amp;Ulangi kata sandi:</source>
        <translation>&amp;Repeat password:</translation>
    </message>
    <message>
        <source>Pengguna baru wajib mengganti kata sandi awal ini saat pertama kali masuk.</source>
        <translation>The new user must change this initial password at the first sign-in.</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AreaRow</name>
    <message>
        <source>RT</source>
        <translation>RT</translation>
    </message>
    <message>
        <source>RW</source>
        <translation>RW</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Hapus wilayah ini</source>
        <translation>Remove this area</translation>
    </message>
    <message>
        <source>— pilih kelurahan —</source>
        <translation>— choose village —</translation>
    </message>
</context>
<context>
    <name>AssessmentDialog</name>
    <message>
        <source>Asesmen keluarga %s — No. KK %s</source>
        <translation>Assessment of family %s — Family card no. %s</translation>
    </message>
    <message>
        <source>Riwayat asesmen</source>
        <translation>Assessment history</translation>
    </message>
    <message>
        <source>Nama pendamping / petugas</source>
        <translation>Name of facilitator / officer</translation>
    </message>
    <message>
        <source>Tanggal asesmen *</source>
        <translation>Assessment date *</translation>
    </message>
    <message>
        <source>Petugas asesmen *</source>
        <translation>Assessor *</translation>
    </message>
    <message>
        <source>Kuesioner versi %s: %s (berlaku mulai %s)</source>
        <translation>Questionnaire version %s: %s (in force from %s)</translation>
    </message>
    <message>
        <source>— pilih —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Asesmen baru</source>
        <translation>New assessment</translation>
    </message>
    <message>
        <source>Tanggal asesmen: wajib diisi</source>
        <translation>Assessment date: required</translation>
    </message>
    <message>
        <source>Tanggal asesmen: %s ada di masa depan</source>
        <translation>Assessment date: %s is in the future</translation>
    </message>
    <message>
        <source>Petugas asesmen: wajib diisi</source>
        <translation>Assessor: required</translation>
    </message>
    <message>
        <source>%s pertanyaan belum dijawab.</source>
        <translation>%s question(s) not answered yet.</translation>
    </message>
    <message>
        <source>Lengkapi kolom bertanda * dan perbaiki isian yang ditandai ⚠.</source>
        <translation>Fill in the fields marked * and correct the entries marked ⚠.</translation>
    </message>
    <message>
        <source>Belum pernah diasesmen.</source>
        <translation>Never assessed yet.</translation>
    </message>
    <message>
        <source>Terakhir: %s, kelas %s (skor %s)</source>
        <translation>Latest: %s, class %s (score %s)</translation>
    </message>
    <message>
        <source> — %s dibanding asesmen sebelumnya</source>
        <translation> — %s compared with the previous assessment</translation>
    </message>
    <message>
        <source>Menyimpan asesmen…</source>
        <translation>Saving assessment…</translation>
    </message>
</context>
<context>
    <name>AttachmentsDialog</name>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>&amp;Lampiran milik</source>
        <translation>&amp;Attachments of</translation>
    </message>
</context>
<context>
    <name>AttendanceDialog</name>
    <message>
        <source>Isi kehadiran — %s</source>
        <translation>Record attendance — %s</translation>
    </message>
    <message>
        <source>Semua &amp;hadir</source>
        <translation>All &amp;present</translation>
    </message>
    <message>
        <source>Semua &amp;tidak hadir</source>
        <translation>All &amp;absent</translation>
    </message>
    <message>
        <source>Peserta</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>%s dari %s peserta hadir</source>
        <translation>%s of %s participants present</translation>
    </message>
    <message>
        <source>Kehadiran: belum ada peserta yang terdaftar sebelum sesi ini</source>
        <translation>Attendance: no participant was enrolled before this session</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Belum masuk: tidak ada kata sandi yang dapat diganti.</source>
        <translation>Not signed in: there is no password to change.</translation>
    </message>
    <message>
        <source>Ganti kata sandi</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>Akun &apos;%s&apos; harus memakai kata sandi baru sebelum melanjutkan (akun baru atau kata sandi yang direset administrator).</source>
        <translation>Account &apos;%s&apos; must use a new password before continuing (a new account, or a password reset by an administrator).</translation>
    </message>
    <message>
        <source>Ganti kata sandi akun &apos;%s&apos;.</source>
        <translation>Change the password of account &apos;%s&apos;.</translation>
    </message>
    <message>
        <source>Minimal %d karakter dan tidak sama dengan nama pengguna.</source>
        <translation>At least %d characters and not the same as the username.</translation>
    </message>
    <message>
        <source>Kata sandi &amp;lama:</source>
        <translation>&amp;Old password:</translation>
    </message>
    <message>
        <source>Kata sandi &amp;baru:</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <source>&amp;Ulangi kata sandi baru:</source>
        <translation>&amp;Repeat new password:</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Keluar aplikasi</source>
        <translation>Quit application</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Kata sandi lama wajib diisi.</source>
        <translation>The old password is required.</translation>
    </message>
</context>
<context>
    <name>CohortDialog</name>
    <message>
        <source>Kohort baru</source>
        <translation>New cohort</translation>
    </message>
    <message>
        <source>mis. Kohort Bogor Selatan %s</source>
        <translation>e.g. Bogor Selatan cohort %s</translation>
    </message>
    <message>
        <source>— pilih —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>— tidak ada —</source>
        <translation>— none —</translation>
    </message>
    <message>
        <source>&amp;Nama kohort *</source>
        <translation>Cohort &amp;name *</translation>
    </message>
    <message>
        <source>&amp;Tahun *</source>
        <translation>&amp;Year *</translation>
    </message>
    <message>
        <source>Tanggal &amp;mulai *</source>
        <translation>&amp;Start date *</translation>
    </message>
    <message>
        <source>&amp;Kecamatan *</source>
        <translation>Sub-&amp;district *</translation>
    </message>
    <message>
        <source>&amp;Pendamping</source>
        <translation>&amp;Facilitator</translation>
    </message>
    <message>
        <source>Nama kohort: wajib diisi</source>
        <translation>Cohort name: required</translation>
    </message>
    <message>
        <source>Tanggal mulai: wajib diisi</source>
        <translation>Start date: required</translation>
    </message>
    <message>
        <source>Tanggal mulai: %s jauh dari tahun %s</source>
        <translation>Start date: %s is far from the year %s</translation>
    </message>
    <message>
        <source>Kecamatan: wajib dipilih</source>
        <translation>Sub-district: required</translation>
    </message>
</context>
<context>
    <name>CorrectStageDialog</name>
    <message>
        <source>Koreksi tahap</source>
        <translation>Correct stage</translation>
    </message>
    <message>
        <source>Koreksi dicatat (tahap asal, tahap tujuan, alasan, oleh %s, tanggal). Mundur ke tahap k menghapus tanda lulus tahap k–6; maju menandai tahap yang dilewati lulus oleh koreksi ini.</source>
        <translation>The correction is recorded (from stage, to stage, reason, by %s, date). Going back to stage k clears the passed marks of stages k–6; going forward marks the skipped stages as passed by this correction.</translation>
    </message>
    <message>
        <source>Tahap sekarang</source>
        <translation>Current stage</translation>
    </message>
    <message>
        <source>T&amp;ahap tujuan *</source>
        <translation>&amp;Target stage *</translation>
    </message>
    <message>
        <source>A&amp;lasan koreksi *</source>
        <translation>&amp;Reason for correction *</translation>
    </message>
    <message>
        <source>&amp;Tanggal koreksi *</source>
        <translation>Correction &amp;date *</translation>
    </message>
    <message>
        <source>Alasan koreksi: wajib diisi</source>
        <translation>Reason for correction: required</translation>
    </message>
    <message>
        <source>Tanggal koreksi: wajib diisi</source>
        <translation>Correction date: required</translation>
    </message>
</context>
<context>
    <name>DistributionDialog</name>
    <message>
        <source>Penyaluran bantuan</source>
        <translation>Aid hand-over</translation>
    </message>
    <message>
        <source>&amp;Hak bantuan keluarga ini</source>
        <translation>&amp;Aid entitlements of this family</translation>
    </message>
    <message>
        <source>16 digit (boleh kosong)</source>
        <translation>16 digits (may be empty)</translation>
    </message>
    <message>
        <source>Penerima sudah menandatangani / cap jempol</source>
        <translation>Recipient has signed / given a thumbprint</translation>
    </message>
    <message>
        <source>&amp;Tanggal *</source>
        <translation>&amp;Date *</translation>
    </message>
    <message>
        <source>&amp;Penerima *</source>
        <translation>&amp;Recipient *</translation>
    </message>
    <message>
        <source>&amp;NIK penerima</source>
        <translation>Recipient&apos;s &amp;NIK</translation>
    </message>
    <message>
        <source>Hu&amp;bungan</source>
        <translation>Re&amp;lation</translation>
    </message>
    <message>
        <source>&amp;Jumlah *</source>
        <translation>A&amp;mount *</translation>
    </message>
    <message>
        <source>&amp;Konfirmasi</source>
        <translation>C&amp;onfirmation</translation>
    </message>
    <message>
        <source>&amp;Catatan</source>
        <translation>No&amp;te</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>&amp;Salurkan</source>
        <translation>&amp;Hand over</translation>
    </message>
    <message>
        <source>Foto serah terima (untuk baris yang sudah disalurkan)</source>
        <translation>Hand-over photos (for lines already handed over)</translation>
    </message>
    <message>
        <source>Belum ada hak bantuan untuk keluarga ini pada kejadian ini.</source>
        <translation>No aid entitlements for this family in this event yet.</translation>
    </message>
    <message>
        <source>Memuat hak bantuan…</source>
        <translation>Loading aid entitlements…</translation>
    </message>
    <message>
        <source>Pilih dulu hak bantuan di tabel</source>
        <translation>First choose an aid entitlement in the table</translation>
    </message>
    <message>
        <source>Sudah disalurkan (lihat catatan di atas)</source>
        <translation>Already handed over (see the record above)</translation>
    </message>
    <message>
        <source>Tanggal penyaluran: wajib diisi</source>
        <translation>Hand-over date: required</translation>
    </message>
    <message>
        <source>Tanggal penyaluran: %s belum terjadi</source>
        <translation>Hand-over date: %s has not happened yet</translation>
    </message>
    <message>
        <source>Nama penerima: wajib diisi</source>
        <translation>Recipient&apos;s name: required</translation>
    </message>
    <message>
        <source>NIK penerima: harus 16 digit (tertulis %s digit)</source>
        <translation>Recipient&apos;s NIK: must be 16 digits (%s digits entered)</translation>
    </message>
    <message>
        <source>Jumlah: harus lebih dari 0</source>
        <translation>Amount: must be more than 0</translation>
    </message>
    <message>
        <source>Tersalurkan: %s untuk %s (%s), diterima %s.</source>
        <translation>Handed over: %s for %s (%s), received by %s.</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <source>Daftarkan keluarga ke kohort</source>
        <translation>Enrol family in cohort</translation>
    </message>
    <message>
        <source>16 digit No. KK</source>
        <translation>16-digit family card no. (No. KK)</translation>
    </message>
    <message>
        <source>&amp;Cari</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>&amp;No. KK *</source>
        <translation>Family card &amp;no. *</translation>
    </message>
    <message>
        <source>&amp;Keluarga *</source>
        <translation>&amp;Family *</translation>
    </message>
    <message>
        <source>&amp;Peserta (usia produktif) *</source>
        <translation>&amp;Participant (working age) *</translation>
    </message>
    <message>
        <source>&amp;Tanggal daftar *</source>
        <translation>Enrolment &amp;date *</translation>
    </message>
    <message>
        <source>No. KK: wajib diisi</source>
        <translation>Family card no.: required</translation>
    </message>
    <message>
        <source>Mencari keluarga…</source>
        <translation>Searching for the family…</translation>
    </message>
    <message>
        <source>Memuat anggota…</source>
        <translation>Loading members…</translation>
    </message>
    <message>
        <source>No. KK: tidak ditemukan</source>
        <translation>Family card no.: not found</translation>
    </message>
    <message>
        <source>Peserta: wajib dipilih</source>
        <translation>Participant: required</translation>
    </message>
    <message>
        <source>Tanggal daftar: wajib diisi</source>
        <translation>Enrolment date: required</translation>
    </message>
</context>
<context>
    <name>EntitlementIndexDialog</name>
    <message>
        <source>Indeks bantuan</source>
        <translation>Aid indexes</translation>
    </message>
    <message>
        <source>&amp;Nama bantuan *</source>
        <translation>Aid &amp;name *</translation>
    </message>
    <message>
        <source>Nilai &amp;baru *</source>
        <translation>New &amp;value *</translation>
    </message>
    <message>
        <source>Berlaku &amp;mulai *</source>
        <translation>In force &amp;from *</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Memuat indeks…</source>
        <translation>Loading indexes…</translation>
    </message>
    <message>
        <source>Pilih dulu indeks di tabel</source>
        <translation>First choose an index in the table</translation>
    </message>
    <message>
        <source>Nama bantuan: wajib diisi</source>
        <translation>Aid name: required</translation>
    </message>
    <message>
        <source>Nilai: harus lebih dari 0</source>
        <translation>Value: must be more than 0</translation>
    </message>
    <message>
        <source>Berlaku mulai: wajib diisi</source>
        <translation>In force from: required</translation>
    </message>
    <message>
        <source>%s: %s berlaku mulai %s.</source>
        <translation>%s: %s in force from %s.</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Ubah kejadian</source>
        <translation>Edit event</translation>
    </message>
    <message>
        <source>Kejadian baru</source>
        <translation>New event</translation>
    </message>
    <message>
        <source>— pilih —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>mis. Banjir Sungai Cisadane</source>
        <translation>e.g. Cisadane River flood</translation>
    </message>
    <message>
        <source>&amp;Tambah wilayah</source>
        <translation>&amp;Add area</translation>
    </message>
    <message>
        <source>&amp;Jenis bencana *</source>
        <translation>Disaster &amp;type *</translation>
    </message>
    <message>
        <source>J&amp;udul *</source>
        <translation>T&amp;itle *</translation>
    </message>
    <message>
        <source>Tanggal &amp;&amp; &amp;jam *</source>
        <translation>Date &amp;&amp; ti&amp;me *</translation>
    </message>
    <message>
        <source>&amp;Kecamatan *</source>
        <translation>Sub-&amp;district *</translation>
    </message>
    <message>
        <source>Wilayah terdampak *
(kelurahan, RT, RW)</source>
        <translation>Affected areas *
(village, RT, RW)</translation>
    </message>
    <message>
        <source>K&amp;eterangan</source>
        <translation>D&amp;escription</translation>
    </message>
    <message>
        <source>Kolom bertanda * wajib diisi.</source>
        <translation>Fields marked * are required.</translation>
    </message>
    <message>
        <source>Jenis bencana: wajib dipilih</source>
        <translation>Disaster type: required</translation>
    </message>
    <message>
        <source>Judul: wajib diisi</source>
        <translation>Title: required</translation>
    </message>
    <message>
        <source>Kecamatan: wajib dipilih</source>
        <translation>Sub-district: required</translation>
    </message>
    <message>
        <source>Wilayah %s: kelurahan wajib dipilih</source>
        <translation>Area %s: a village is required</translation>
    </message>
</context>
<context>
    <name>EventEntitlementsDialog</name>
    <message>
        <source>Hak bantuan kejadian</source>
        <translation>Event aid entitlements</translation>
    </message>
    <message>
        <source>&amp;Diterapkan pada kejadian ini</source>
        <translation>A&amp;pplied to this event</translation>
    </message>
    <message>
        <source>&amp;Hapus dari kejadian</source>
        <translation>&amp;Remove from event</translation>
    </message>
    <message>
        <source> hari</source>
        <translation> days</translation>
    </message>
    <message>
        <source>&amp;Terapkan</source>
        <translation>&amp;Apply</translation>
    </message>
    <message>
        <source>&amp;Indeks</source>
        <translation>&amp;Index</translation>
    </message>
    <message>
        <source>&amp;Lama (per hari)</source>
        <translation>&amp;Duration (per day)</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Memuat hak bantuan…</source>
        <translation>Loading aid entitlements…</translation>
    </message>
    <message>
        <source> — kejadian sudah ditutup</source>
        <translation> — the event is closed</translation>
    </message>
    <message>
        <source>%s, %s. Nilai diambil dari indeks yang berlaku pada tanggal kejadian.%s</source>
        <translation>%s, %s. Values are taken from the indexes in force on the event&apos;s date.%s</translation>
    </message>
    <message>
        <source>Menerapkan hak bantuan…</source>
        <translation>Applying aid entitlement…</translation>
    </message>
    <message>
        <source>Menghapus hak bantuan…</source>
        <translation>Removing aid entitlement…</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Catat kunjungan lanjutan</source>
        <translation>Record follow-up visit</translation>
    </message>
    <message>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
    <message>
        <source>— pilih —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>Wajib bila keluarga tidak lagi mandiri</source>
        <translation>Required when the family is no longer self-reliant</translation>
    </message>
    <message>
        <source>Jatuh tempo</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Tanggal kunjungan *</source>
        <translation>Visit date *</translation>
    </message>
    <message>
        <source>Masih mandiri *</source>
        <translation>Still self-reliant *</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Tanggal kunjungan: wajib diisi</source>
        <translation>Visit date: required</translation>
    </message>
    <message>
        <source>Masih mandiri: wajib dipilih (ya/tidak)</source>
        <translation>Still self-reliant: required (yes/no)</translation>
    </message>
    <message>
        <source>Catatan: wajib diisi bila keluarga tidak lagi mandiri</source>
        <translation>Notes: required when the family is no longer self-reliant</translation>
    </message>
    <message>
        <source>Lengkapi kolom bertanda * dan perbaiki isian yang ditandai ⚠.</source>
        <translation>Fill in the fields marked * and correct the entries marked ⚠.</translation>
    </message>
    <message>
        <source>Menyimpan kunjungan…</source>
        <translation>Saving visit…</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>%d perubahan tercatat, terlama di atas</source>
        <translation>%d changes recorded, oldest first</translation>
    </message>
    <message>
        <source>Belum ada perubahan yang tercatat untuk keluarga ini.</source>
        <translation>No changes recorded for this family yet.</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <source>Keluarga %s — No. KK %s</source>
        <translation>Family %s — Family card no. %s</translation>
    </message>
    <message>
        <source>Keluarga baru</source>
        <translation>New family</translation>
    </message>
    <message>
        <source>16 digit</source>
        <translation>16 digits</translation>
    </message>
    <message>
        <source>08… atau +62…</source>
        <translation>08… or +62…</translation>
    </message>
    <message>
        <source>— pilih —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>No. KK *</source>
        <translation>Family card no. *</translation>
    </message>
    <message>
        <source>Kecamatan *</source>
        <translation>Sub-district *</translation>
    </message>
    <message>
        <source>Kelurahan *</source>
        <translation>Village *</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>RT / RW</source>
        <translation>RT / RW</translation>
    </message>
    <message>
        <source>Pendamping</source>
        <translation>Facilitator</translation>
    </message>
    <message>
        <source>No. HP</source>
        <translation>Mobile no.</translation>
    </message>
    <message>
        <source>Desil</source>
        <translation>Decile</translation>
    </message>
    <message>
        <source>tanggal</source>
        <translation>date</translation>
    </message>
    <message>
        <source>Status *</source>
        <translation>Status *</translation>
    </message>
    <message>
        <source>Program lain</source>
        <translation>Other programmes</translation>
    </message>
    <message>
        <source>Data keluarga</source>
        <translation>Family data</translation>
    </message>
    <message>
        <source>&amp;Data keluarga</source>
        <translation>Family &amp;data</translation>
    </message>
    <message>
        <source>&amp;Riwayat</source>
        <translation>&amp;History</translation>
    </message>
    <message>
        <source>Siapa mengubah apa, kapan, di perangkat mana</source>
        <translation>Who changed what, when, on which device</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Asesmen…</source>
        <translation>Assessment…</translation>
    </message>
    <message>
        <source>Riwayat asesmen kesejahteraan dan asesmen baru</source>
        <translation>Welfare assessment history and a new assessment</translation>
    </message>
    <message>
        <source>— belum ada —</source>
        <translation>— none yet —</translation>
    </message>
    <message>
        <source>Belum ada pengurus: ubah salah satu anggota dan centang Pengurus.</source>
        <translation>No recipient yet: edit one of the members and tick Recipient.</translation>
    </message>
    <message>
        <source>Tambahkan minimal satu anggota keluarga.</source>
        <translation>Add at least one family member.</translation>
    </message>
    <message>
        <source>Pilih tepat satu anggota sebagai pengurus.</source>
        <translation>Choose exactly one member as the recipient.</translation>
    </message>
    <message>
        <source>Lengkapi kolom bertanda * dan perbaiki isian yang ditandai ⚠.</source>
        <translation>Fill in the fields marked * and correct the entries marked ⚠.</translation>
    </message>
    <message>
        <source>Tambahkan anggota dan pilih satu pengurus sebelum menyimpan.</source>
        <translation>Add members and choose one recipient before saving.</translation>
    </message>
    <message>
        <source>Menyimpan keluarga…</source>
        <translation>Saving family…</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Impor data keluarga</source>
        <translation>Import family data</translation>
    </message>
    <message>
        <source>Kembali</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Periksa</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Simpan ke database</source>
        <translation>Save to database</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Pilih berkas .xlsx atau .csv berformat templat (satu baris per anggota; baris dengan No. KK yang sama membentuk satu keluarga). Berkas diperiksa dulu; belum ada yang disimpan.</source>
        <translation>Choose an .xlsx or .csv file in the template format (one row per member; rows with the same family card no. (No. KK) form one family). The file is checked first; nothing is saved yet.</translation>
    </message>
    <message>
        <source>Lokasi berkas…</source>
        <translation>File location…</translation>
    </message>
    <message>
        <source>Pilih berkas…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Keluarga baru</source>
        <translation>New families</translation>
    </message>
    <message>
        <source>Keluarga diperbarui</source>
        <translation>Families updated</translation>
    </message>
    <message>
        <source>Keluarga tidak berubah</source>
        <translation>Families unchanged</translation>
    </message>
    <message>
        <source>Keluarga ditolak</source>
        <translation>Families rejected</translation>
    </message>
    <message>
        <source>Masalah pertama (keluarga ini tidak akan disimpan):</source>
        <translation>First problems (these families will not be saved):</translation>
    </message>
    <message>
        <source>Simpan laporan per baris…</source>
        <translation>Save row-by-row report…</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Pilih berkas data keluarga</source>
        <translation>Choose the family data file</translation>
    </message>
    <message>
        <source>Spreadsheet (*.xlsx *.csv);;Semua berkas (*)</source>
        <translation>Spreadsheet (*.xlsx *.csv);;All files (*)</translation>
    </message>
    <message>
        <source>Simpan laporan impor</source>
        <translation>Save import report</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Memeriksa %s…</source>
        <translation>Checking %s…</translation>
    </message>
    <message>
        <source>%s: %s baris data, lembar &apos;%s&apos;.</source>
        <translation>%s: %s data rows, sheet &apos;%s&apos;.</translation>
    </message>
    <message>
        <source>%s baris diperbaiki otomatis (dijelaskan di laporan).</source>
        <translation>%s rows corrected automatically (explained in the report).</translation>
    </message>
    <message>
        <source>Pendamping baru: %s</source>
        <translation>New facilitators: %s</translation>
    </message>
    <message>
        <source>Kolom diabaikan: %s</source>
        <translation>Columns ignored: %s</translation>
    </message>
    <message>
        <source>Menyimpan data keluarga…</source>
        <translation>Saving family data…</translation>
    </message>
    <message>
        <source>Tersimpan: %s keluarga baru dan %s diperbarui (%s anggota). %s tidak berubah, %s ditolak.</source>
        <translation>Saved: %s new families and %s updated (%s members). %s unchanged, %s rejected.</translation>
    </message>
    <message>
        <source>Menulis laporan…</source>
        <translation>Writing report…</translation>
    </message>
    <message>
        <source>Laporan disimpan: %s</source>
        <translation>Report saved: %s</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>Barang baru</source>
        <translation>New item</translation>
    </message>
    <message>
        <source>mis. terpal (huruf kecil, angka, _)</source>
        <translation>e.g. terpal (lower-case letters, digits, _)</translation>
    </message>
    <message>
        <source>mis. kg, paket, lembar, dus</source>
        <translation>e.g. kg, package, sheet, box</translation>
    </message>
    <message>
        <source>&amp;Kode *</source>
        <translation>&amp;Code *</translation>
    </message>
    <message>
        <source>&amp;Nama *</source>
        <translation>&amp;Name *</translation>
    </message>
    <message>
        <source>&amp;Satuan *</source>
        <translation>&amp;Unit *</translation>
    </message>
    <message>
        <source>Kode barang: 2–30 huruf kecil, angka atau &apos;_&apos;, tanpa spasi</source>
        <translation>Item code: 2–30 lower-case letters, digits or &apos;_&apos;, no spaces</translation>
    </message>
    <message>
        <source>Nama barang: wajib diisi</source>
        <translation>Item name: required</translation>
    </message>
    <message>
        <source>Satuan: wajib diisi</source>
        <translation>Unit: required</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Simoncer terkunci</source>
        <translation>Simoncer locked</translation>
    </message>
    <message>
        <source>Masuk ke Simoncer</source>
        <translation>Sign in to Simoncer</translation>
    </message>
    <message>
        <source>Layar dikunci. Masuk lagi untuk melanjutkan (pengguna lain juga boleh masuk).</source>
        <translation>The screen is locked. Sign in again to continue (another user may also sign in).</translation>
    </message>
    <message>
        <source>Masuk dengan nama pengguna dan kata sandi Anda.</source>
        <translation>Sign in with your username and password.</translation>
    </message>
    <message>
        <source>&amp;Nama pengguna:</source>
        <translation>&amp;Username:</translation>
    </message>
    <message>
        <source>&amp;Kata sandi:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Lupa semua kata sandi? Pakai kunci pemulihan…</source>
        <translation>Forgot every password? Use the recovery key…</translation>
    </message>
    <message>
        <source>Masuk</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Keluar aplikasi</source>
        <translation>Quit application</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Database: %s</source>
        <translation>Database: %s</translation>
    </message>
    <message>
        <source>Isi nama pengguna dan kata sandi.</source>
        <translation>Enter the username and password.</translation>
    </message>
    <message>
        <source>Gagal membuka database: %s</source>
        <translation>Could not open the database: %s</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>Anggota baru</source>
        <translation>New member</translation>
    </message>
    <message>
        <source>Ubah anggota — %s</source>
        <translation>Edit member — %s</translation>
    </message>
    <message>
        <source>16 digit</source>
        <translation>16 digits</translation>
    </message>
    <message>
        <source>— pilih —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>Pengurus (penerima bantuan PKH keluarga ini)</source>
        <translation>Recipient (receives this family&apos;s PKH aid)</translation>
    </message>
    <message>
        <source>Masih sekolah</source>
        <translation>Still in school</translation>
    </message>
    <message>
        <source>Hamil/nifas</source>
        <translation>Pregnant/postpartum</translation>
    </message>
    <message>
        <source>Disabilitas berat</source>
        <translation>Severe disability</translation>
    </message>
    <message>
        <source>Meninggal</source>
        <translation>Deceased</translation>
    </message>
    <message>
        <source>Nama *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <source>NIK *</source>
        <translation>NIK *</translation>
    </message>
    <message>
        <source>Jenis kelamin *</source>
        <translation>Sex *</translation>
    </message>
    <message>
        <source>Tanggal lahir *</source>
        <translation>Date of birth *</translation>
    </message>
    <message>
        <source>Hubungan *</source>
        <translation>Relationship *</translation>
    </message>
    <message>
        <source>Pendidikan</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>Kondisi</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Kolom bertanda * wajib diisi.</source>
        <translation>Fields marked * are required.</translation>
    </message>
    <message>
        <source>Menyimpan anggota…</source>
        <translation>Saving member…</translation>
    </message>
</context>
<context>
    <name>MembersPanel</name>
    <message>
        <source>Anggota keluarga</source>
        <translation>Family members</translation>
    </message>
    <message>
        <source>Perubahan anggota langsung tersimpan.</source>
        <translation>Member changes are saved at once.</translation>
    </message>
    <message>
        <source>Anggota disimpan bersama keluarga saat Simpan ditekan.</source>
        <translation>Members are saved with the family when Save is pressed.</translation>
    </message>
    <message>
        <source>Ubah anggota</source>
        <translation>Edit member</translation>
    </message>
    <message>
        <source>Tambah anggota</source>
        <translation>Add member</translation>
    </message>
    <message>
        <source>Ubah</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Hapus anggota</source>
        <translation>Delete member</translation>
    </message>
    <message>
        <source>tidak ada</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Komponen PKH: %s
Bantuan per tahun: %s</source>
        <translation>PKH components: %s
Aid per year: %s</translation>
    </message>
    <message>
        <source>NIK: %s sudah dipakai anggota lain di keluarga ini (%s)</source>
        <translation>NIK: %s is already used by another member of this family (%s)</translation>
    </message>
    <message>
        <source>Hapus %s (NIK %s) dari keluarga ini?</source>
        <translation>Delete %s (NIK %s) from this family?</translation>
    </message>
    <message>
        <source>Menghapus anggota…</source>
        <translation>Deleting member…</translation>
    </message>
</context>
<context>
    <name>PasswordPair</name>
    <message>
        <source>Kedua kata sandi tidak sama.</source>
        <translation>The two passwords do not match.</translation>
    </message>
</context>
<context>
    <name>ProposalDialog</name>
    <message>
        <source>Usulan graduasi sejahtera mandiri</source>
        <translation>Self-reliant graduation proposal</translation>
    </message>
    <message>
        <source>16 digit</source>
        <translation>16 digits</translation>
    </message>
    <message>
        <source>Mengapa keluarga ini sudah sejahtera mandiri</source>
        <translation>Why this family is now self-reliant</translation>
    </message>
    <message>
        <source>No. KK *</source>
        <translation>Family card no. *</translation>
    </message>
    <message>
        <source>Keluarga</source>
        <translation>Family</translation>
    </message>
    <message>
        <source>Alasan *</source>
        <translation>Reason *</translation>
    </message>
    <message>
        <source>Diusulkan oleh *</source>
        <translation>Proposed by *</translation>
    </message>
    <message>
        <source>Tanggal usulan *</source>
        <translation>Proposal date *</translation>
    </message>
    <message>
        <source>belum pernah diasesmen</source>
        <translation>never assessed</translation>
    </message>
    <message>
        <source>asesmen terakhir %s: %s (skor %s)</source>
        <translation>latest assessment %s: %s (score %s)</translation>
    </message>
    <message>
        <source>%s — status %s; %s</source>
        <translation>%s — status %s; %s</translation>
    </message>
    <message>
        <source>No. KK: wajib diisi</source>
        <translation>Family card no.: required</translation>
    </message>
    <message>
        <source>No. KK: harus 16 digit</source>
        <translation>Family card no.: must be 16 digits</translation>
    </message>
    <message>
        <source>Asesmen pendukung: keluarga ini belum pernah diasesmen (isi Asesmen dulu)</source>
        <translation>Supporting assessment: this family has never been assessed (fill in an Assessment first)</translation>
    </message>
    <message>
        <source>Alasan: wajib diisi</source>
        <translation>Reason: required</translation>
    </message>
    <message>
        <source>Diusulkan oleh: wajib diisi</source>
        <translation>Proposed by: required</translation>
    </message>
    <message>
        <source>Tanggal usulan: wajib diisi</source>
        <translation>Proposal date: required</translation>
    </message>
    <message>
        <source>Lengkapi kolom bertanda * dan perbaiki isian yang ditandai ⚠.</source>
        <translation>Fill in the fields marked * and correct the entries marked ⚠.</translation>
    </message>
    <message>
        <source>Menyimpan usulan…</source>
        <translation>Saving proposal…</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Terima stok</source>
        <translation>Receive stock</translation>
    </message>
    <message>
        <source>— pilih —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>mis. BAST/012/XI/2026</source>
        <translation>e.g. BAST/012/XI/2026</translation>
    </message>
    <message>
        <source>&amp;Barang *</source>
        <translation>&amp;Item *</translation>
    </message>
    <message>
        <source>&amp;Jumlah *</source>
        <translation>&amp;Quantity *</translation>
    </message>
    <message>
        <source>&amp;Tanggal terima *</source>
        <translation>&amp;Date received *</translation>
    </message>
    <message>
        <source>&amp;Sumber *</source>
        <translation>&amp;Source *</translation>
    </message>
    <message>
        <source>No. &amp;dokumen</source>
        <translation>Document &amp;no.</translation>
    </message>
    <message>
        <source>&amp;Catatan</source>
        <translation>No&amp;te</translation>
    </message>
    <message>
        <source>Barang: wajib dipilih</source>
        <translation>Item: required</translation>
    </message>
    <message>
        <source>Jumlah: harus lebih dari 0</source>
        <translation>Quantity: must be more than 0</translation>
    </message>
    <message>
        <source>Tanggal terima: wajib diisi</source>
        <translation>Date received: required</translation>
    </message>
    <message>
        <source>Tanggal terima: %s belum terjadi</source>
        <translation>Date received: %s has not happened yet</translation>
    </message>
    <message>
        <source>Sumber: wajib dipilih</source>
        <translation>Source: required</translation>
    </message>
</context>
<context>
    <name>RecoverDialog</name>
    <message>
        <source>Pakai kunci pemulihan</source>
        <translation>Use the recovery key</translation>
    </message>
    <message>
        <source>Ketik kunci pemulihan yang dicetak saat database dibuat, nama pengguna seorang administrator dan kata sandi baru untuknya.</source>
        <translation>Type the recovery key printed when the database was created, an administrator&apos;s username and a new password for them.</translation>
    </message>
    <message>
        <source>ABCD-EFGH-…</source>
        <translation>ABCD-EFGH-…</translation>
    </message>
    <message>
        <source>&amp;Kunci pemulihan:</source>
        <translation>Recovery &amp;key:</translation>
    </message>
    <message>
        <source>&amp;Nama pengguna admin:</source>
        <translation>Admin &amp;username:</translation>
    </message>
    <message>
        <source>Kata sandi &amp;baru:</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <source>&amp;Ulangi kata sandi:</source>
        <translation>&amp;Repeat password:</translation>
    </message>
    <message>
        <source>Pulihkan dan masuk</source>
        <translation>Recover and sign in</translation>
    </message>
    <message>
        <source>Kunci pemulihan wajib diisi.</source>
        <translation>The recovery key is required.</translation>
    </message>
    <message>
        <source>Nama pengguna wajib diisi.</source>
        <translation>The username is required.</translation>
    </message>
    <message>
        <source>Gagal membuka database: %s</source>
        <translation>Could not open the database: %s</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPdf</name>
    <message>
        <source>Kunci pemulihan Simoncer</source>
        <translation>Simoncer recovery key</translation>
    </message>
    <message>
        <source>Kunci ini membuka database Simoncer bila &lt;b&gt;semua kata sandi administrator terlupa&lt;/b&gt;. Simpan lembar ini di tempat aman yang terkunci (bukan di laptop ini) dan jangan difoto atau dikirim lewat pesan.</source>
        <translation>This key opens the Simoncer database when &lt;b&gt;every administrator password is forgotten&lt;/b&gt;. Keep this sheet in a safe, locked place (not with this laptop) and do not photograph it or send it in a message.</translation>
    </message>
    <message>
        <source>Cara memakai: di layar masuk pilih &lt;i&gt;Lupa semua kata sandi? Pakai kunci pemulihan…&lt;/i&gt;, ketik kunci ini (huruf besar/kecil dan tanda minus boleh diabaikan), nama pengguna administrator dan kata sandi barunya.</source>
        <translation>How to use it: on the sign-in screen choose &lt;i&gt;Forgot every password? Use the recovery key…&lt;/i&gt;, then type this key (upper/lower case and dashes may be ignored), an administrator&apos;s username and their new password.</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <source>Wilayah:</source>
        <translation>Region:</translation>
    </message>
    <message>
        <source>Dibuat:</source>
        <translation>Created:</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyView</name>
    <message>
        <source>Ini kunci pemulihan database. Dengan kunci ini database dapat dibuka lagi bila semua kata sandi administrator terlupa — tanpa kunci ini dan tanpa kata sandi, data tidak dapat dibuka oleh siapa pun. Kunci hanya ditampilkan sekali: cetak atau tulis, lalu simpan di tempat aman.</source>
        <translation>This is the database&apos;s recovery key. With it the database can be opened again if every administrator password is forgotten — without this key and without a password, nobody can open the data. The key is shown only once: print it or write it down, then keep it in a safe place.</translation>
    </message>
    <message>
        <source>&amp;Salin</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>Simpan/&amp;Cetak PDF…</source>
        <translation>Save/&amp;Print PDF…</translation>
    </message>
    <message>
        <source>Kunci disalin. Tempel di tempat aman, lalu hapus dari papan klip.</source>
        <translation>Key copied. Paste it somewhere safe, then clear it from the clipboard.</translation>
    </message>
    <message>
        <source>Simpan kunci pemulihan</source>
        <translation>Save recovery key</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Berkas tidak dapat disimpan: %s</source>
        <translation>The file could not be saved: %s</translation>
    </message>
    <message>
        <source>Tersimpan di %s. Cetak berkas itu, lalu hapus dari laptop ini bila sudah dicetak.</source>
        <translation>Saved to %s. Print that file, then delete it from this laptop once printed.</translation>
    </message>
</context>
<context>
    <name>ReliefPrintDialog</name>
    <message>
        <source>BNBA</source>
        <translation>BNBA</translation>
    </message>
    <message>
        <source>Berita acara serah terima</source>
        <translation>Handover record (berita acara)</translation>
    </message>
    <message>
        <source>Laporan kejadian</source>
        <translation>Event report</translation>
    </message>
    <message>
        <source>Cetak dokumen kejadian %s</source>
        <translation>Print documents of event %s</translation>
    </message>
    <message>
        <source>Semua kelurahan</source>
        <translation>All villages</translation>
    </message>
    <message>
        <source>Semua penyaluran sampai hari ini</source>
        <translation>All hand-overs up to today</translation>
    </message>
    <message>
        <source>s.d.</source>
        <translation>to</translation>
    </message>
    <message>
        <source>&amp;Pilih…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>&amp;Dokumen</source>
        <translation>&amp;Document</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <source>&amp;Kelurahan</source>
        <translation>&amp;Village</translation>
    </message>
    <message>
        <source>&amp;Tanggal penyaluran</source>
        <translation>&amp;Hand-over dates</translation>
    </message>
    <message>
        <source>&amp;Simpan ke</source>
        <translation>&amp;Save to</translation>
    </message>
    <message>
        <source>&amp;Cetak</source>
        <translation>&amp;Print</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Simpan ke: pilih nama berkas</source>
        <translation>Save to: choose a file name</translation>
    </message>
    <message>
        <source>Simpan ke: nama berkas harus berakhiran .%s</source>
        <translation>Save to: the file name must end in .%s</translation>
    </message>
    <message>
        <source>Tanggal penyaluran: isi tanggal awal dan akhir</source>
        <translation>Hand-over dates: fill in the start and end dates</translation>
    </message>
    <message>
        <source>Tanggal penyaluran: tanggal awal sesudah tanggal akhir</source>
        <translation>Hand-over dates: the start date is after the end date</translation>
    </message>
    <message>
        <source>Simpan dokumen</source>
        <translation>Save document</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset kata sandi — %s</source>
        <translation>Reset password — %s</translation>
    </message>
    <message>
        <source>Kata sandi sementara untuk &apos;%s&apos;. Kunci akun (bila terkunci) ikut dibuka; ia wajib mengganti kata sandi ini saat masuk berikutnya.</source>
        <translation>A temporary password for &apos;%s&apos;. The account is also unlocked (if it was locked); the user must change this password at the next sign-in.</translation>
    </message>
    <message>
        <source>Kata sandi &amp;sementara:</source>
        <translation>&amp;Temporary password:</translation>
    </message>
    <message>
        <source>&amp;Ulangi kata sandi:</source>
        <translation>&amp;Repeat password:</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Reset</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>Sesi baru</source>
        <translation>New session</translation>
    </message>
    <message>
        <source>mis. psikolog, BLK, dinas koperasi</source>
        <translation>e.g. psychologist, BLK, cooperatives office</translation>
    </message>
    <message>
        <source>T&amp;ahapan *</source>
        <translation>St&amp;age *</translation>
    </message>
    <message>
        <source>&amp;Tanggal sesi *</source>
        <translation>Session &amp;date *</translation>
    </message>
    <message>
        <source>T&amp;opik</source>
        <translation>T&amp;opic</translation>
    </message>
    <message>
        <source>&amp;Mitra</source>
        <translation>&amp;Partner</translation>
    </message>
    <message>
        <source>Tanggal sesi: wajib diisi</source>
        <translation>Session date: required</translation>
    </message>
</context>
<context>
    <name>StageDetailsDialog</name>
    <message>
        <source>Rincian tahap — %s</source>
        <translation>Stage details — %s</translation>
    </message>
    <message>
        <source>mis. modal, peralatan</source>
        <translation>e.g. capital, equipment</translation>
    </message>
    <message>
        <source>— kosong —</source>
        <translation>— empty —</translation>
    </message>
    <message>
        <source>Usaha sudah berjalan</source>
        <translation>Business is running</translation>
    </message>
    <message>
        <source>T&amp;ahapan *</source>
        <translation>St&amp;age *</translation>
    </message>
    <message>
        <source>Rencana m&amp;ulai</source>
        <translation>Planned &amp;start</translation>
    </message>
    <message>
        <source>Rencana s&amp;elesai</source>
        <translation>Planned &amp;end</translation>
    </message>
    <message>
        <source>Realisasi &amp;mulai</source>
        <translation>Actual s&amp;tart</translation>
    </message>
    <message>
        <source>Realisasi se&amp;lesai</source>
        <translation>Actual e&amp;nd</translation>
    </message>
    <message>
        <source>Mi&amp;tra</source>
        <translation>&amp;Partner</translation>
    </message>
    <message>
        <source>&amp;Keterampilan</source>
        <translation>S&amp;kill</translation>
    </message>
    <message>
        <source>&amp;Hasil</source>
        <translation>&amp;Outcome</translation>
    </message>
    <message>
        <source>&amp;Jenis bantuan usaha</source>
        <translation>Business &amp;grant type</translation>
    </message>
    <message>
        <source>&amp;Nilai bantuan usaha</source>
        <translation>Business grant &amp;value</translation>
    </message>
    <message>
        <source>Usaha &amp;berjalan</source>
        <translation>&amp;Business running</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Semua kecamatan</source>
        <translation>All sub-districts</translation>
    </message>
    <message>
        <source>Pengguna</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>&amp;Tambah…</source>
        <translation>&amp;Add…</translation>
    </message>
    <message>
        <source>&amp;Reset kata sandi…</source>
        <translation>&amp;Reset password…</translation>
    </message>
    <message>
        <source>&amp;Nonaktifkan</source>
        <translation>&amp;Deactivate</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>&amp;Aktifkan</source>
        <translation>A&amp;ctivate</translation>
    </message>
    <message>
        <source>Pengguna &apos;%s&apos; ditambahkan; ia mengganti kata sandinya saat masuk pertama.</source>
        <translation>User &apos;%s&apos; added; they change their password at the first sign-in.</translation>
    </message>
    <message>
        <source>Kata sandi &apos;%s&apos; direset; ia harus menggantinya saat masuk berikutnya.</source>
        <translation>Password of &apos;%s&apos; reset; they must change it at the next sign-in.</translation>
    </message>
    <message>
        <source>Nonaktifkan pengguna</source>
        <translation>Deactivate user</translation>
    </message>
    <message>
        <source>Nonaktifkan akun &apos;%s&apos; (%s)? Ia tidak dapat masuk lagi sampai diaktifkan kembali.</source>
        <translation>Deactivate account &apos;%s&apos; (%s)? They cannot sign in again until reactivated.</translation>
    </message>
    <message>
        <source>Akun &apos;%s&apos; diaktifkan.</source>
        <translation>Account &apos;%s&apos; activated.</translation>
    </message>
    <message>
        <source>Akun &apos;%s&apos; dinonaktifkan.</source>
        <translation>Account &apos;%s&apos; deactivated.</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>Nama pengguna</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Sub-district</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
    <message>
        <source> (wajib ganti sandi)</source>
        <translation> (must change password)</translation>
    </message>
</context>
<context>
    <name>VictimDialog</name>
    <message>
        <source>Rincian korban</source>
        <translation>Victim details</translation>
    </message>
    <message>
        <source>Daftarkan korban</source>
        <translation>Register victims</translation>
    </message>
    <message>
        <source>Kejadian %s — %s</source>
        <translation>Event %s — %s</translation>
    </message>
    <message>
        <source>Cari di data keluarga: NIK, No. KK atau nama (↓ / Enter memilih)</source>
        <translation>Search the family data: NIK, family card no. (No. KK) or name (↓ / Enter picks)</translation>
    </message>
    <message>
        <source>— pilih —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>RT</source>
        <translation>RT</translation>
    </message>
    <message>
        <source>RW</source>
        <translation>RW</translation>
    </message>
    <message>
        <source>mis. susu bayi, tenda, selimut</source>
        <translation>e.g. baby milk, tent, blanket</translation>
    </message>
    <message>
        <source>isi bila No. KK tidak ada (mis. KK hanyut)</source>
        <translation>fill in if there is no family card no. (e.g. card washed away)</translation>
    </message>
    <message>
        <source>No. &amp;KK</source>
        <translation>Family card &amp;no.</translation>
    </message>
    <message>
        <source>Kepala &amp;keluarga *</source>
        <translation>&amp;Head of family *</translation>
    </message>
    <message>
        <source>&amp;Alamat</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <source>Ke&amp;lurahan, RT, RW *</source>
        <translation>&amp;Village, RT, RW *</translation>
    </message>
    <message>
        <source>&amp;Telepon</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <source>Tingkat ke&amp;rusakan</source>
        <translation>Da&amp;mage level</translation>
    </message>
    <message>
        <source>Ke&amp;butuhan</source>
        <translation>N&amp;eeds</translation>
    </message>
    <message>
        <source>Alasan tanpa &amp;dokumen</source>
        <translation>Reason without &amp;documents</translation>
    </message>
    <message>
        <source>Tambah k&amp;orban</source>
        <translation>Add vict&amp;im</translation>
    </message>
    <message>
        <source>&amp;Hapus korban</source>
        <translation>&amp;Remove victim</translation>
    </message>
    <message>
        <source>Korban (anggota keluarga):</source>
        <translation>Victims (family members):</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Simpan (Ctrl+Enter)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Ctrl+Enter menyimpan. NIK/No. KK boleh kosong bila alasannya diisi.</source>
        <translation>Ctrl+Enter saves. NIK/family card no. may be empty when the reason is filled in.</translation>
    </message>
    <message>
        <source>Tidak ditemukan di data keluarga.</source>
        <translation>Not found in the family data.</translation>
    </message>
    <message>
        <source>Mencari…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>KPM</source>
        <translation>KPM</translation>
    </message>
    <message>
        <source>bukan KPM aktif</source>
        <translation>not an active KPM</translation>
    </message>
    <message>
        <source>%s — NIK %s — KK %s — %s, %s [%s]</source>
        <translation>%s — NIK %s — KK %s — %s, %s [%s]</translation>
    </message>
    <message>
        <source> — SUDAH TERDAFTAR</source>
        <translation> — ALREADY REGISTERED</translation>
    </message>
    <message>
        <source>%s sudah terdaftar pada kejadian ini.</source>
        <translation>%s is already registered for this event.</translation>
    </message>
    <message>
        <source>Keluarga %s diisi dari data keluarga.</source>
        <translation>Family %s filled in from the family data.</translation>
    </message>
    <message>
        <source>Memuat keluarga…</source>
        <translation>Loading family…</translation>
    </message>
    <message>
        <source>KPM — dari data keluarga</source>
        <translation>KPM — from the family data</translation>
    </message>
    <message>
        <source>Dari data keluarga (bukan KPM aktif)</source>
        <translation>From the family data (not an active KPM)</translation>
    </message>
    <message>
        <source>Kepala keluarga: wajib diisi</source>
        <translation>Head of family: required</translation>
    </message>
    <message>
        <source>Kelurahan: wajib dipilih</source>
        <translation>Village: required</translation>
    </message>
    <message>
        <source>Korban: tambahkan minimal satu orang</source>
        <translation>Victims: add at least one person</translation>
    </message>
    <message>
        <source>Menyimpan korban…</source>
        <translation>Saving victims…</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <source>Keluarkan dari kohort</source>
        <translation>Withdraw from cohort</translation>
    </message>
    <message>
        <source>Peserta</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>&amp;Tanggal keluar *</source>
        <translation>Withdrawal &amp;date *</translation>
    </message>
    <message>
        <source>A&amp;lasan keluar *</source>
        <translation>&amp;Reason for withdrawal *</translation>
    </message>
    <message>
        <source>Tanggal keluar: wajib diisi</source>
        <translation>Withdrawal date: required</translation>
    </message>
    <message>
        <source>Alasan keluar: wajib diisi</source>
        <translation>Reason for withdrawal: required</translation>
    </message>
</context>
<context>
    <name>account</name>
    <message>
        <source>Nama lengkap wajib diisi.</source>
        <translation>The full name is required.</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>
