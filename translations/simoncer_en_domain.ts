<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>audit</name>
    <message>
        <source>Jenis perubahan &apos;{action}&apos; tidak dikenal</source>
        <translation>Unknown kind of change &apos;{action}&apos;</translation>
    </message>
    <message>
        <source>Peran {role} hanya boleh melihat riwayat keluarga di wilayah {scope}, bukan {family}.</source>
        <translation>The {role} role may only view the history of families in area {scope}, not {family}.</translation>
    </message>
    <message>
        <source>Peran {role} hanya boleh melihat riwayat keluarga dampingannya sendiri.</source>
        <translation>The {role} role may only view the history of its own assigned families.</translation>
    </message>
</context>
<context>
    <name>audit_labels</name>
    <message>
        <source>Keluarga</source>
        <translation>Family</translation>
    </message>
    <message>
        <source>Anggota</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Asesmen</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <source>Kuesioner</source>
        <translation>Questionnaire</translation>
    </message>
    <message>
        <source>Kohort</source>
        <translation>Cohort</translation>
    </message>
    <message>
        <source>Kepesertaan graduasi</source>
        <translation>Graduation enrolment</translation>
    </message>
    <message>
        <source>Tahap program</source>
        <translation>Programme stage</translation>
    </message>
    <message>
        <source>Koreksi tahap</source>
        <translation>Stage correction</translation>
    </message>
    <message>
        <source>Sesi</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Kehadiran</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>Keputusan graduasi</source>
        <translation>Graduation decision</translation>
    </message>
    <message>
        <source>Kunjungan lanjutan</source>
        <translation>Follow-up visit</translation>
    </message>
    <message>
        <source>Graduasi alamiah</source>
        <translation>Natural graduation</translation>
    </message>
    <message>
        <source>Usulan graduasi alamiah</source>
        <translation>Natural graduation proposal</translation>
    </message>
    <message>
        <source>Pendamping</source>
        <translation>Facilitator</translation>
    </message>
    <message>
        <source>Kejadian bencana</source>
        <translation>Disaster event</translation>
    </message>
    <message>
        <source>Wilayah kejadian</source>
        <translation>Event area</translation>
    </message>
    <message>
        <source>Keluarga terdampak</source>
        <translation>Affected family</translation>
    </message>
    <message>
        <source>Korban</source>
        <translation>Victim</translation>
    </message>
    <message>
        <source>Barang bantuan</source>
        <translation>Aid item</translation>
    </message>
    <message>
        <source>Stok</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>Indeks bantuan</source>
        <translation>Aid index</translation>
    </message>
    <message>
        <source>Bantuan kejadian</source>
        <translation>Event aid</translation>
    </message>
    <message>
        <source>Penyaluran bantuan</source>
        <translation>Aid hand-over</translation>
    </message>
    <message>
        <source>Lampiran</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Pengaturan</source>
        <translation>Setting</translation>
    </message>
    <message>
        <source>Nilai komponen</source>
        <translation>Component amount</translation>
    </message>
    <message>
        <source>Wilayah</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Lingkup wilayah</source>
        <translation>Area scope</translation>
    </message>
    <message>
        <source>Dihapus</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Dibuat</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Diubah</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>No. KK</source>
        <translation>Family card no. (No. KK)</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
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
        <source>Kelurahan</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Sub-district</translation>
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
        <source>Tanggal desil</source>
        <translation>Decile date</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Alasan status</source>
        <translation>Status reason</translation>
    </message>
    <message>
        <source>Tanggal status</source>
        <translation>Status date</translation>
    </message>
    <message>
        <source>Kelas kesejahteraan</source>
        <translation>Welfare class</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>No. rekening</source>
        <translation>Account no.</translation>
    </message>
    <message>
        <source>KIS</source>
        <translation>KIS</translation>
    </message>
    <message>
        <source>KIP</source>
        <translation>KIP</translation>
    </message>
    <message>
        <source>BPNT</source>
        <translation>BPNT</translation>
    </message>
    <message>
        <source>KKS</source>
        <translation>KKS</translation>
    </message>
    <message>
        <source>RTLH</source>
        <translation>RTLH</translation>
    </message>
    <message>
        <source>ASLUT</source>
        <translation>ASLUT</translation>
    </message>
    <message>
        <source>ASDIS</source>
        <translation>ASDIS</translation>
    </message>
    <message>
        <source>KUBE</source>
        <translation>KUBE</translation>
    </message>
    <message>
        <source>Jumlah anggota</source>
        <translation>Number of members</translation>
    </message>
    <message>
        <source>Nama pengurus</source>
        <translation>Recipient&apos;s name</translation>
    </message>
    <message>
        <source>NIK pengurus</source>
        <translation>Recipient&apos;s NIK</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Tanggal lahir</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Hubungan</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>Pengurus</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>Pendidikan</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>Masih sekolah</source>
        <translation>Still in school</translation>
    </message>
    <message>
        <source>Hamil</source>
        <translation>Pregnant</translation>
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
        <source>Tanggal meninggal</source>
        <translation>Date of death</translation>
    </message>
    <message>
        <source>Tanggal asesmen</source>
        <translation>Assessment date</translation>
    </message>
    <message>
        <source>Asesor</source>
        <translation>Assessor</translation>
    </message>
    <message>
        <source>Jawaban</source>
        <translation>Answers</translation>
    </message>
    <message>
        <source>Skor</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Peserta</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>Kepesertaan</source>
        <translation>Enrolment</translation>
    </message>
    <message>
        <source>Tanggal daftar</source>
        <translation>Enrolment date</translation>
    </message>
    <message>
        <source>Tahapan</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Tanggal keluar</source>
        <translation>Withdrawal date</translation>
    </message>
    <message>
        <source>Alasan keluar</source>
        <translation>Withdrawal reason</translation>
    </message>
    <message>
        <source>Dikeluarkan oleh</source>
        <translation>Withdrawn by</translation>
    </message>
    <message>
        <source>Rencana mulai</source>
        <translation>Planned start</translation>
    </message>
    <message>
        <source>Rencana selesai</source>
        <translation>Planned end</translation>
    </message>
    <message>
        <source>Mulai</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Finished</translation>
    </message>
    <message>
        <source>Mitra</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Keterampilan</source>
        <translation>Skill</translation>
    </message>
    <message>
        <source>Jenis modal usaha</source>
        <translation>Business grant type</translation>
    </message>
    <message>
        <source>Nilai modal usaha</source>
        <translation>Business grant amount</translation>
    </message>
    <message>
        <source>Usaha berjalan</source>
        <translation>Business running</translation>
    </message>
    <message>
        <source>Hasil</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Tanggal lulus tahap</source>
        <translation>Stage passed on</translation>
    </message>
    <message>
        <source>Diluluskan oleh</source>
        <translation>Passed by</translation>
    </message>
    <message>
        <source>Dari tahap</source>
        <translation>From stage</translation>
    </message>
    <message>
        <source>Ke tahap</source>
        <translation>To stage</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Dikoreksi oleh</source>
        <translation>Corrected by</translation>
    </message>
    <message>
        <source>Tanggal koreksi</source>
        <translation>Correction date</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Putaran graduasi alamiah</source>
        <translation>Natural graduation run</translation>
    </message>
    <message>
        <source>Diusulkan oleh</source>
        <translation>Proposed by</translation>
    </message>
    <message>
        <source>Tanggal usulan</source>
        <translation>Proposal date</translation>
    </message>
    <message>
        <source>Diputuskan oleh</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <source>Tanggal keputusan</source>
        <translation>Decision date</translation>
    </message>
    <message>
        <source>Catatan keputusan</source>
        <translation>Decision note</translation>
    </message>
    <message>
        <source>Keputusan</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Jatuh tempo</source>
        <translation>Due on</translation>
    </message>
    <message>
        <source>Tanggal kunjungan</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <source>Tetap mandiri</source>
        <translation>Still self-reliant</translation>
    </message>
    <message>
        <source>Tanggal sesi</source>
        <translation>Session date</translation>
    </message>
    <message>
        <source>Topik</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Hadir</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>Tahun</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Tanggal mulai</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>Kuartal</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <source>Kejadian</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Kunci penerima</source>
        <translation>Beneficiary key</translation>
    </message>
    <message>
        <source>Barang</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Nilai (Rp)</source>
        <translation>Amount (Rp)</translation>
    </message>
    <message>
        <source>Tanggal penyaluran</source>
        <translation>Hand-over date</translation>
    </message>
    <message>
        <source>Petugas</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>Hubungan penerima</source>
        <translation>Recipient&apos;s relationship</translation>
    </message>
    <message>
        <source>Terkonfirmasi</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Kerusakan rumah</source>
        <translation>House damage</translation>
    </message>
    <message>
        <source>Kebutuhan</source>
        <translation>Needs</translation>
    </message>
    <message>
        <source>Nama kepala keluarga</source>
        <translation>Head of family&apos;s name</translation>
    </message>
    <message>
        <source>Tanggal pendataan</source>
        <translation>Registration date</translation>
    </message>
    <message>
        <source>Didata oleh</source>
        <translation>Registered by</translation>
    </message>
    <message>
        <source>Alasan tanpa dokumen</source>
        <translation>Reason for no documents</translation>
    </message>
    <message>
        <source>Mengungsi</source>
        <translation>Displaced</translation>
    </message>
    <message>
        <source>Luka</source>
        <translation>Injury</translation>
    </message>
    <message>
        <source>Nama ahli waris</source>
        <translation>Heir&apos;s name</translation>
    </message>
    <message>
        <source>NIK ahli waris</source>
        <translation>Heir&apos;s NIK</translation>
    </message>
    <message>
        <source>Hubungan ahli waris</source>
        <translation>Heir&apos;s relationship</translation>
    </message>
    <message>
        <source>Judul</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Waktu kejadian</source>
        <translation>Time of event</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Tanggal ditutup</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <source>Dibuat oleh</source>
        <translation>Created by</translation>
    </message>
    <message>
        <source>Satuan</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Dasar</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>Kerusakan minimal</source>
        <translation>Minimum damage</translation>
    </message>
    <message>
        <source>Hanya pengungsi</source>
        <translation>Displaced only</translation>
    </message>
    <message>
        <source>Hari</source>
        <translation>Days</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Sumber</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>No. dokumen</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <source>Penyaluran</source>
        <translation>Hand-over</translation>
    </message>
    <message>
        <source>Dicatat oleh</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>Nama berkas</source>
        <translation>File name</translation>
    </message>
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
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Gagal masuk</source>
        <translation>Failed sign-ins</translation>
    </message>
    <message>
        <source>Terkunci sampai</source>
        <translation>Locked until</translation>
    </message>
    <message>
        <source>Wajib ganti kata sandi</source>
        <translation>Must change password</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Kunci</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Nilai</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Berlaku mulai</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>Komponen</source>
        <translation>Component</translation>
    </message>
    <message>
        <source>Nilai per tahun</source>
        <translation>Yearly amount</translation>
    </message>
    <message>
        <source>Versi</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Target tahunan</source>
        <translation>Yearly target</translation>
    </message>
    <message>
        <source>Kelurahan dampingan</source>
        <translation>Assigned villages</translation>
    </message>
    <message>
        <source>Nama barang</source>
        <translation>Item name</translation>
    </message>
    <message>
        <source>Keluarga KPM</source>
        <translation>KPM family</translation>
    </message>
    <message>
        <source>Status kejadian</source>
        <translation>Event status</translation>
    </message>
    <message>
        <source>Status keputusan</source>
        <translation>Decision status</translation>
    </message>
    <message>
        <source>Diterima oleh</source>
        <translation>Received by</translation>
    </message>
    <message>
        <source>NIK penerima</source>
        <translation>Recipient&apos;s NIK</translation>
    </message>
    <message>
        <source>Jenis gerakan stok</source>
        <translation>Stock movement kind</translation>
    </message>
    <message>
        <source>Jenis bencana</source>
        <translation>Disaster kind</translation>
    </message>
    <message>
        <source>(semua kolom)</source>
        <translation>(all columns)</translation>
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
        <source>Pengguna: {user}</source>
        <translation>User: {user}</translation>
    </message>
    <message>
        <source>Data: {kind}</source>
        <translation>Data: {kind}</translation>
    </message>
    <message>
        <source>Aksi: {action}</source>
        <translation>Action: {action}</translation>
    </message>
    <message>
        <source>Dari {day}</source>
        <translation>From {day}</translation>
    </message>
    <message>
        <source>Sampai {day}</source>
        <translation>Until {day}</translation>
    </message>
    <message>
        <source>Teks: “{text}”</source>
        <translation>Text: “{text}”</translation>
    </message>
</context>
<context>
    <name>conflict_resolution</name>
    <message>
        <source>Nilai sekarang dipertahankan</source>
        <translation>Current value kept</translation>
    </message>
    <message>
        <source>Nilai yang kalah dipulihkan</source>
        <translation>Losing value reinstated</translation>
    </message>
    <message>
        <source>diubah lebih akhir</source>
        <translation>changed later</translation>
    </message>
    <message>
        <source>tahap lebih lanjut</source>
        <translation>later stage</translation>
    </message>
    <message>
        <source>penyaluran ganda</source>
        <translation>duplicate hand-over</translation>
    </message>
    <message>
        <source>(kosong)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>Terbuka</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>{resolution} oleh {user}, {at}</source>
        <translation>{resolution} by {user}, {at}</translation>
    </message>
    <message>
        <source>Jenis data &apos;{table}&apos; tidak dikenal di aplikasi ini; nilai tidak dapat dipulihkan.</source>
        <translation>Kind of data &apos;{table}&apos; is not known to this app; the value cannot be reinstated.</translation>
    </message>
    <message>
        <source>Nilai &apos;{value}&apos; tidak cocok untuk kolom {column}; nilai tidak dapat dipulihkan.</source>
        <translation>Value &apos;{value}&apos; does not fit column {column}; the value cannot be reinstated.</translation>
    </message>
    <message>
        <source>Kolom {column} tidak ikut sinkronisasi; nilainya tidak dapat dipulihkan di sini.</source>
        <translation>Column {column} is not synced; its value cannot be reinstated here.</translation>
    </message>
    <message>
        <source>Data {kind} {row_id} tidak ada di perangkat ini; sinkronkan dulu, lalu ulangi.</source>
        <translation>{kind} {row_id} is not on this device; sync first, then try again.</translation>
    </message>
    <message>
        <source>{column} di perangkat ini sudah bernilai &apos;{value}&apos;; sinkronkan dulu agar nilai yang menang diterima, lalu ulangi.</source>
        <translation>{column} on this device already holds &apos;{value}&apos;; sync first so the winning value arrives, then try again.</translation>
    </message>
</context>
<context>
    <name>decision_lists</name>
    <message>
        <source>Diusulkan</source>
        <translation>Proposed</translation>
    </message>
    <message>
        <source>Disetujui</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Ditolak</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>(kosong)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>No. KK: tidak ada keluarga dengan No. KK {no_kk}</source>
        <translation>No. KK: no family with family card no. (No. KK) {no_kk}</translation>
    </message>
</context>
<context>
    <name>demo</name>
    <message>
        <source>Jumlah keluarga tidak boleh negatif ({families})</source>
        <translation>The number of families cannot be negative ({families})</translation>
    </message>
    <message>
        <source>Wilayah {code} tidak dikenal</source>
        <translation>Region {code} is unknown</translation>
    </message>
    <message>
        <source>Wilayah {code} ({name}) bukan kabupaten/kota atau kecamatan</source>
        <translation>Region {code} ({name}) is not a regency/city or sub-district</translation>
    </message>
    <message>
        <source>Wilayah {code} ({name}) tidak mempunyai kelurahan/desa</source>
        <translation>Region {code} ({name}) has no villages</translation>
    </message>
</context>
<context>
    <name>enums</name>
    <message>
        <source>Laki-laki</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Perempuan</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Kepala keluarga</source>
        <translation>Head of family</translation>
    </message>
    <message>
        <source>Istri</source>
        <translation>Wife</translation>
    </message>
    <message>
        <source>Suami</source>
        <translation>Husband</translation>
    </message>
    <message>
        <source>Anak</source>
        <translation>Child</translation>
    </message>
    <message>
        <source>Menantu</source>
        <translation>Child-in-law</translation>
    </message>
    <message>
        <source>Cucu</source>
        <translation>Grandchild</translation>
    </message>
    <message>
        <source>Orang tua</source>
        <translation>Parent</translation>
    </message>
    <message>
        <source>Mertua</source>
        <translation>Parent-in-law</translation>
    </message>
    <message>
        <source>Famili lain</source>
        <translation>Other relative</translation>
    </message>
    <message>
        <source>Lainnya</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Tidak/belum sekolah</source>
        <translation>No schooling (yet)</translation>
    </message>
    <message>
        <source>PAUD/TK</source>
        <translation>Pre-school/kindergarten</translation>
    </message>
    <message>
        <source>SD/sederajat</source>
        <translation>Primary school (SD) or equivalent</translation>
    </message>
    <message>
        <source>SMP/sederajat</source>
        <translation>Junior high (SMP) or equivalent</translation>
    </message>
    <message>
        <source>SMA/sederajat</source>
        <translation>Senior high (SMA) or equivalent</translation>
    </message>
    <message>
        <source>Perguruan tinggi</source>
        <translation>Higher education</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Graduasi alamiah</source>
        <translation>Natural graduation</translation>
    </message>
    <message>
        <source>Graduasi sejahtera mandiri</source>
        <translation>Self-reliant graduation</translation>
    </message>
    <message>
        <source>Nonaktif</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>Tidak mampu</source>
        <translation>Very poor</translation>
    </message>
    <message>
        <source>Kurang mampu</source>
        <translation>Poor</translation>
    </message>
    <message>
        <source>Mampu</source>
        <translation>Able</translation>
    </message>
    <message>
        <source>Mandiri</source>
        <translation>Self-reliant</translation>
    </message>
    <message>
        <source>Ibu hamil/nifas</source>
        <translation>Pregnant/post-natal mother</translation>
    </message>
    <message>
        <source>Anak usia dini</source>
        <translation>Early childhood</translation>
    </message>
    <message>
        <source>Anak SD</source>
        <translation>Primary school child (SD)</translation>
    </message>
    <message>
        <source>Anak SMP</source>
        <translation>Junior high child (SMP)</translation>
    </message>
    <message>
        <source>Anak SMA</source>
        <translation>Senior high child (SMA)</translation>
    </message>
    <message>
        <source>Lanjut usia</source>
        <translation>Elderly</translation>
    </message>
    <message>
        <source>Disabilitas berat</source>
        <translation>Severe disability</translation>
    </message>
    <message>
        <source>KIS/JKN</source>
        <translation>KIS/JKN</translation>
    </message>
    <message>
        <source>KIP/PIP</source>
        <translation>KIP/PIP</translation>
    </message>
    <message>
        <source>BPNT/Sembako</source>
        <translation>BPNT/Sembako</translation>
    </message>
    <message>
        <source>KKS</source>
        <translation>KKS</translation>
    </message>
    <message>
        <source>RTLH</source>
        <translation>RTLH</translation>
    </message>
    <message>
        <source>ASLUT</source>
        <translation>ASLUT</translation>
    </message>
    <message>
        <source>Asistensi disabilitas</source>
        <translation>Disability assistance</translation>
    </message>
    <message>
        <source>KUBE</source>
        <translation>KUBE</translation>
    </message>
    <message>
        <source>Banjir</source>
        <translation>Flood</translation>
    </message>
    <message>
        <source>Tanah longsor</source>
        <translation>Landslide</translation>
    </message>
    <message>
        <source>Angin puting beliung</source>
        <translation>Whirlwind</translation>
    </message>
    <message>
        <source>Kebakaran</source>
        <translation>Fire</translation>
    </message>
    <message>
        <source>Gempa bumi</source>
        <translation>Earthquake</translation>
    </message>
    <message>
        <source>Dibuka</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Ditutup</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Tidak rusak</source>
        <translation>Not damaged</translation>
    </message>
    <message>
        <source>Rusak ringan</source>
        <translation>Lightly damaged</translation>
    </message>
    <message>
        <source>Rusak sedang</source>
        <translation>Moderately damaged</translation>
    </message>
    <message>
        <source>Rusak berat</source>
        <translation>Heavily damaged</translation>
    </message>
    <message>
        <source>Tidak luka</source>
        <translation>Not injured</translation>
    </message>
    <message>
        <source>Luka ringan</source>
        <translation>Lightly injured</translation>
    </message>
    <message>
        <source>Luka berat</source>
        <translation>Seriously injured</translation>
    </message>
    <message>
        <source>Uang</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Barang</source>
        <translation>Goods</translation>
    </message>
    <message>
        <source>Per keluarga</source>
        <translation>Per family</translation>
    </message>
    <message>
        <source>Per jiwa</source>
        <translation>Per person</translation>
    </message>
    <message>
        <source>Per jiwa per hari</source>
        <translation>Per person per day</translation>
    </message>
    <message>
        <source>Per korban meninggal (ahli waris)</source>
        <translation>Per deceased victim (heir)</translation>
    </message>
    <message>
        <source>Per korban luka berat</source>
        <translation>Per seriously injured victim</translation>
    </message>
    <message>
        <source>Kementerian Sosial</source>
        <translation>Ministry of Social Affairs</translation>
    </message>
    <message>
        <source>Pemerintah provinsi</source>
        <translation>Provincial government</translation>
    </message>
    <message>
        <source>APBD kota/kabupaten</source>
        <translation>City/regency budget (APBD)</translation>
    </message>
    <message>
        <source>Donatur</source>
        <translation>Donor</translation>
    </message>
    <message>
        <source>Penerimaan</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Penyaluran</source>
        <translation>Hand-over</translation>
    </message>
    <message>
        <source>Kejadian</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Keluarga terdampak</source>
        <translation>Affected family</translation>
    </message>
    <message>
        <source>Korban</source>
        <translation>Victim</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Pendamping</source>
        <translation>Facilitator</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Pemantau (hanya laporan)</source>
        <translation>Viewer (reports only)</translation>
    </message>
    <message>
        <source>Buat</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Ubah</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>first_run</name>
    <message>
        <source>Jumlah keluarga demo harus 1–{most} (bukan {families}).</source>
        <translation>The number of demo families must be 1–{most} (not {families}).</translation>
    </message>
</context>
<context>
    <name>permissions</name>
    <message>
        <source>mengubah data keluarga</source>
        <translation>edit family data</translation>
    </message>
    <message>
        <source>mengimpor data keluarga</source>
        <translation>import family data</translation>
    </message>
    <message>
        <source>mencatat asesmen</source>
        <translation>record assessments</translation>
    </message>
    <message>
        <source>menerbitkan kuesioner</source>
        <translation>publish questionnaires</translation>
    </message>
    <message>
        <source>membuat angkatan</source>
        <translation>create cohorts</translation>
    </message>
    <message>
        <source>mendaftarkan peserta</source>
        <translation>enrol participants</translation>
    </message>
    <message>
        <source>mencatat pertemuan dan kehadiran</source>
        <translation>record sessions and attendance</translation>
    </message>
    <message>
        <source>mencatat tahap program</source>
        <translation>record programme stages</translation>
    </message>
    <message>
        <source>mengoreksi tahap program</source>
        <translation>correct programme stages</translation>
    </message>
    <message>
        <source>mengeluarkan peserta</source>
        <translation>withdraw participants</translation>
    </message>
    <message>
        <source>mencatat kunjungan lanjutan</source>
        <translation>record follow-up visits</translation>
    </message>
    <message>
        <source>mengusulkan graduasi</source>
        <translation>propose graduations</translation>
    </message>
    <message>
        <source>memutuskan graduasi</source>
        <translation>decide graduations</translation>
    </message>
    <message>
        <source>menjalankan graduasi alamiah</source>
        <translation>run natural graduation</translation>
    </message>
    <message>
        <source>memutuskan usulan graduasi alamiah</source>
        <translation>decide natural graduation proposals</translation>
    </message>
    <message>
        <source>menerapkan graduasi alamiah</source>
        <translation>apply natural graduation</translation>
    </message>
    <message>
        <source>mengelola kejadian bencana</source>
        <translation>manage disaster events</translation>
    </message>
    <message>
        <source>mendata keluarga terdampak</source>
        <translation>register affected families</translation>
    </message>
    <message>
        <source>mencatat penerimaan stok</source>
        <translation>record stock receipts</translation>
    </message>
    <message>
        <source>menambah jenis barang bantuan</source>
        <translation>add aid item types</translation>
    </message>
    <message>
        <source>mengubah indeks bantuan</source>
        <translation>change aid indexes</translation>
    </message>
    <message>
        <source>mengatur bantuan kejadian</source>
        <translation>set an event&apos;s aid</translation>
    </message>
    <message>
        <source>mencatat penyaluran bantuan</source>
        <translation>record aid hand-overs</translation>
    </message>
    <message>
        <source>menambah lampiran</source>
        <translation>add attachments</translation>
    </message>
    <message>
        <source>mengubah pengaturan</source>
        <translation>change settings</translation>
    </message>
    <message>
        <source>mengubah data referensi</source>
        <translation>change reference data</translation>
    </message>
    <message>
        <source>mengelola pengguna</source>
        <translation>manage users</translation>
    </message>
    <message>
        <source>menjalankan pemeliharaan data</source>
        <translation>run data maintenance</translation>
    </message>
    <message>
        <source>melihat jejak audit</source>
        <translation>view the audit trail</translation>
    </message>
    <message>
        <source>menjalankan sinkronisasi</source>
        <translation>run sync</translation>
    </message>
    <message>
        <source>mendaftarkan perangkat ke server</source>
        <translation>enrol the device with the server</translation>
    </message>
    <message>
        <source>menyelesaikan konflik sinkronisasi</source>
        <translation>resolve sync conflicts</translation>
    </message>
    <message>
        <source>mengekspor laporan</source>
        <translation>export reports</translation>
    </message>
    <message>
        <source>Belum masuk: perubahan data hanya boleh dilakukan oleh pengguna yang sudah masuk.</source>
        <translation>Not signed in: data may only be changed by a signed-in user.</translation>
    </message>
    <message>
        <source>Peran {role} tidak berwenang {action}.</source>
        <translation>The {role} role may not {action}.</translation>
    </message>
    <message>
        <source>Peran {role} hanya boleh {action} di wilayah {scope}, bukan {kecamatan}.</source>
        <translation>The {role} role may only {action} in area {scope}, not {kecamatan}.</translation>
    </message>
    <message>
        <source>Peran {role} hanya boleh {action} untuk keluarga dampingannya sendiri.</source>
        <translation>The {role} role may only {action} for its own assigned families.</translation>
    </message>
</context>
<context>
    <name>quality</name>
    <message>
        <source>NIK tidak valid</source>
        <translation>Invalid NIK</translation>
    </message>
    <message>
        <source>NIK tidak lolos pemeriksaan struktur: harus 16 digit angka, 6 digit pertama kode kecamatan yang terdaftar, digit 7–12 tanggal lahir yang nyata (tanggal +40 untuk perempuan), nomor urut bukan 0000. Cocokkan dengan KTP atau KK lalu perbaiki NIK anggota.</source>
        <translation>The NIK fails the structure check: it must be 16 digits, the first 6 a registered sub-district code, digits 7–12 a real date of birth (day +40 for women), and the serial number not 0000. Compare it with the ID card (KTP) or family card (KK) and correct the member&apos;s NIK.</translation>
    </message>
    <message>
        <source>NIK tidak cocok dengan data anggota</source>
        <translation>NIK does not match the member&apos;s data</translation>
    </message>
    <message>
        <source>Tanggal lahir atau jenis kelamin yang terkandung di NIK berbeda dengan yang tercatat pada anggota. Salah satunya keliru: periksa KTP atau KK.</source>
        <translation>The date of birth or sex encoded in the NIK differs from what is recorded for the member. One of them is wrong: check the ID card (KTP) or family card (KK).</translation>
    </message>
    <message>
        <source>NIK ganda</source>
        <translation>Duplicate NIK</translation>
    </message>
    <message>
        <source>NIK yang sama dipakai lebih dari satu anggota (di dua keluarga, atau dua kali di satu keluarga). Satu orang hanya tercatat di satu KK: hapus data yang salah atau perbaiki NIK-nya.</source>
        <translation>The same NIK is used by more than one member (in two families, or twice in one family). A person is recorded on one family card (KK) only: delete the wrong record or correct its NIK.</translation>
    </message>
    <message>
        <source>Kemungkinan orang yang sama</source>
        <translation>Possibly the same person</translation>
    </message>
    <message>
        <source>Nama dan tanggal lahir sama, tetapi NIK berbeda. Bisa jadi satu orang tercatat dua kali dengan NIK salah ketik; bisa juga memang dua orang yang berbeda. Periksa dokumennya.</source>
        <translation>Same name and date of birth, but a different NIK. It may be one person recorded twice with a mistyped NIK, or really two different people. Check the documents.</translation>
    </message>
    <message>
        <source>No. KK tidak valid</source>
        <translation>Invalid family card no. (No. KK)</translation>
    </message>
    <message>
        <source>No. KK tidak lolos pemeriksaan struktur: harus 16 digit angka, 6 digit pertama kode kecamatan, digit 7–12 tanggal yang nyata, nomor urut bukan 0000.</source>
        <translation>The family card no. (No. KK) fails the structure check: it must be 16 digits, the first 6 a sub-district code, digits 7–12 a real date, and the serial number not 0000.</translation>
    </message>
    <message>
        <source>No. KK ganda</source>
        <translation>Duplicate family card no. (No. KK)</translation>
    </message>
    <message>
        <source>Dua keluarga atau lebih memakai No. KK yang sama. Gabungkan atau perbaiki No. KK-nya.</source>
        <translation>Two or more families use the same family card no. (No. KK). Merge them or correct the No. KK.</translation>
    </message>
    <message>
        <source>Keluarga tanpa pengurus</source>
        <translation>Family without a recipient</translation>
    </message>
    <message>
        <source>Tidak ada anggota yang ditandai sebagai pengurus (penerima bantuan PKH), atau keluarga tidak punya anggota sama sekali. Tandai satu anggota sebagai pengurus.</source>
        <translation>No member is marked as the recipient (who receives the PKH aid), or the family has no members at all. Mark one member as the recipient.</translation>
    </message>
    <message>
        <source>Pengurus lebih dari satu</source>
        <translation>More than one recipient</translation>
    </message>
    <message>
        <source>Lebih dari satu anggota ditandai sebagai pengurus; setiap keluarga hanya punya satu pengurus.</source>
        <translation>More than one member is marked as the recipient; every family has exactly one recipient.</translation>
    </message>
    <message>
        <source>Pengurus meninggal</source>
        <translation>Recipient deceased</translation>
    </message>
    <message>
        <source>Pengurus tercatat meninggal, sehingga bantuan tidak dapat disalurkan kepadanya. Tandai anggota lain sebagai pengurus pengganti.</source>
        <translation>The recipient is recorded as deceased, so aid cannot be handed over to them. Mark another member as the replacement recipient.</translation>
    </message>
    <message>
        <source>Keluarga aktif tanpa komponen</source>
        <translation>Active family without components</translation>
    </message>
    <message>
        <source>Keluarga berstatus aktif, tetapi hari ini tidak ada anggota yang memenuhi syarat komponen PKH (ibu hamil/nifas, anak usia dini, anak sekolah, lanjut usia, disabilitas berat). Lengkapi data anggota, atau pertimbangkan graduasi alamiah.</source>
        <translation>The family is active, but today no member qualifies for a PKH component (pregnant/post-natal mother, early childhood, school child, elderly, severe disability). Complete the members&apos; data, or consider natural graduation.</translation>
    </message>
    <message>
        <source>Usia di atas {sd_age} tahun masih SD</source>
        <translation>Over {sd_age} and still in primary school (SD)</translation>
    </message>
    <message>
        <source>Anggota berusia lebih dari {sd_age} tahun tercatat masih sekolah di jenjang SD. Biasanya jenjang atau status sekolahnya belum diperbarui.</source>
        <translation>A member older than {sd_age} is recorded as still in primary school (SD). Usually the school level or school status has not been updated.</translation>
    </message>
    <message>
        <source>Tanggal lahir tidak wajar</source>
        <translation>Implausible date of birth</translation>
    </message>
    <message>
        <source>Tanggal lahir ada di masa depan atau umur lebih dari {max_age} tahun.</source>
        <translation>The date of birth is in the future or the age is over {max_age} years.</translation>
    </message>
    <message>
        <source>Hamil/nifas pada laki-laki</source>
        <translation>Pregnant/post-natal male</translation>
    </message>
    <message>
        <source>Anggota ditandai hamil/nifas, tetapi jenis kelaminnya laki-laki. Perbaiki jenis kelamin atau tanda hamil/nifas.</source>
        <translation>The member is marked pregnant/post-natal but is male. Correct the sex or the pregnant/post-natal mark.</translation>
    </message>
    <message>
        <source>{name} di keluarga ini</source>
        <translation>{name} in this family</translation>
    </message>
    <message>
        <source>{name} (No. KK {no_kk}, pengurus {recipient})</source>
        <translation>{name} (No. KK {no_kk}, recipient {recipient})</translation>
    </message>
    <message>
        <source>NIK {nik} juga dipakai {others}</source>
        <translation>NIK {nik} is also used by {others}</translation>
    </message>
    <message>
        <source>{name}, NIK {nik} (keluarga ini)</source>
        <translation>{name}, NIK {nik} (this family)</translation>
    </message>
    <message>
        <source>{name}, NIK {nik} (No. KK {no_kk})</source>
        <translation>{name}, NIK {nik} (No. KK {no_kk})</translation>
    </message>
    <message>
        <source>Nama dan tanggal lahir ({born}) sama dengan {others}</source>
        <translation>Name and date of birth ({born}) the same as {others}</translation>
    </message>
    <message>
        <source>Umur {age} tahun (lahir {born}), tercatat masih sekolah di jenjang SD</source>
        <translation>Age {age} (born {born}), recorded as still in primary school (SD)</translation>
    </message>
    <message>
        <source>Tanggal lahir {born} ada di masa depan</source>
        <translation>Date of birth {born} is in the future</translation>
    </message>
    <message>
        <source>Tanggal lahir {born}: umur {age} tahun</source>
        <translation>Date of birth {born}: age {age}</translation>
    </message>
    <message>
        <source>Ditandai hamil/nifas, tetapi laki-laki</source>
        <translation>Marked pregnant/post-natal, but male</translation>
    </message>
    <message>
        <source>Pengurus {name} tercatat meninggal pada {died}; tandai pengurus pengganti</source>
        <translation>Recipient {name} recorded as deceased on {died}; mark a replacement recipient</translation>
    </message>
    <message>
        <source>Pengurus {name} tercatat meninggal; tandai pengurus pengganti</source>
        <translation>Recipient {name} recorded as deceased; mark a replacement recipient</translation>
    </message>
    <message>
        <source>Keluarga tidak punya anggota</source>
        <translation>The family has no members</translation>
    </message>
    <message>
        <source>Tidak ada pengurus di antara {members} anggota</source>
        <translation>No recipient among {members} members</translation>
    </message>
    <message>
        <source>{recipients} anggota ditandai pengurus: {names}</source>
        <translation>{recipients} members marked as recipient: {names}</translation>
    </message>
    <message>
        <source>Status aktif, tetapi tidak satu pun dari {members} anggota memenuhi syarat komponen PKH per {on}</source>
        <translation>Status active, but none of the {members} members qualifies for a PKH component as of {on}</translation>
    </message>
    <message>
        <source>NIK belum diisi</source>
        <translation>NIK not filled in</translation>
    </message>
    <message>
        <source>NIK &apos;{nik}&apos;: ada spasi di awal atau akhir</source>
        <translation>NIK &apos;{nik}&apos;: space at the start or end</translation>
    </message>
    <message>
        <source>tanggal lahir di NIK {nik_date}, di data {data_date}</source>
        <translation>date of birth in the NIK {nik_date}, in the data {data_date}</translation>
    </message>
    <message>
        <source>tanggal {day} = tanggal lahir + 40</source>
        <translation>day {day} = day of birth + 40</translation>
    </message>
    <message>
        <source>tanggal {day}</source>
        <translation>day {day}</translation>
    </message>
    <message>
        <source>jenis kelamin di NIK {nik_sex} ({note}), di data {data_sex}</source>
        <translation>sex in the NIK {nik_sex} ({note}), in the data {data_sex}</translation>
    </message>
    <message>
        <source>NIK {nik}: {reasons}</source>
        <translation>NIK {nik}: {reasons}</translation>
    </message>
    <message>
        <source>(kosong)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>No. KK {no_kk}: {reasons}</source>
        <translation>No. KK {no_kk}: {reasons}</translation>
    </message>
    <message>
        <source>No. KK &apos;{no_kk}&apos;: ada spasi di awal atau akhir</source>
        <translation>No. KK &apos;{no_kk}&apos;: space at the start or end</translation>
    </message>
    <message>
        <source>No. KK {no_kk} juga dipakai keluarga lain: {others}</source>
        <translation>No. KK {no_kk} is also used by another family: {others}</translation>
    </message>
    <message>
        <source>No. KK {no_kk} juga dipakai {n} keluarga lain: {others}</source>
        <translation>No. KK {no_kk} is also used by {n} other families: {others}</translation>
    </message>
    <message>
        <source>pengurus {name}</source>
        <translation>recipient {name}</translation>
    </message>
    <message>
        <source>; dan {n} lainnya</source>
        <translation>; and {n} more</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>Pengaturan &apos;{key}&apos; tidak dikenal</source>
        <translation>Unknown setting &apos;{key}&apos;</translation>
    </message>
    <message>
        <source>{key}: harus bilangan bulat (tertulis &apos;{raw}&apos;)</source>
        <translation>{key}: must be a whole number (entered &apos;{raw}&apos;)</translation>
    </message>
    <message>
        <source>{key}: tidak boleh negatif (tertulis {value})</source>
        <translation>{key}: must not be negative (entered {value})</translation>
    </message>
    <message>
        <source>{key}: harus angka (tertulis &apos;{raw}&apos;)</source>
        <translation>{key}: must be a number (entered &apos;{raw}&apos;)</translation>
    </message>
    <message>
        <source>{key}: harus daftar bilangan bulat, mis. &apos;6,12&apos; (tertulis &apos;{raw}&apos;)</source>
        <translation>{key}: must be a list of whole numbers, e.g. &apos;6,12&apos; (entered &apos;{raw}&apos;)</translation>
    </message>
    <message>
        <source>{key}: harus daftar bilangan bulat positif (tertulis &apos;{raw}&apos;)</source>
        <translation>{key}: must be a list of positive whole numbers (entered &apos;{raw}&apos;)</translation>
    </message>
    <message>
        <source>{key}: &apos;{text}&apos; bukan kode kabupaten/kota yang terdaftar</source>
        <translation>{key}: &apos;{text}&apos; is not a registered regency/city code</translation>
    </message>
    <message>
        <source>{key}: harus antara {low} dan {high} (tertulis {value})</source>
        <translation>{key}: must be between {low} and {high} (entered {value})</translation>
    </message>
    <message>
        <source>{key}: wajib diisi</source>
        <translation>{key}: required</translation>
    </message>
    <message>
        <source>{key}: paling banyak {n} huruf</source>
        <translation>{key}: at most {n} characters</translation>
    </message>
    <message>
        <source>Pengaturan &apos;{key}&apos; tidak dapat diubah di sini</source>
        <translation>Setting &apos;{key}&apos; cannot be changed here</translation>
    </message>
</context>
<context>
    <name>sync_status</name>
    <message>
        <source>ditolak server</source>
        <translation>refused by the server</translation>
    </message>
    <message>
        <source>Perangkat ini belum terdaftar di server: daftarkan di halaman Sinkronisasi.</source>
        <translation>This device is not enrolled with the server yet: enrol it on the Sync page.</translation>
    </message>
</context>
</TS>
