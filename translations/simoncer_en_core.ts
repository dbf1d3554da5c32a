<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>Keterangan lampiran berikutnya (opsional)</source>
        <translation>Caption for the next attachment (optional)</translation>
    </message>
    <message>
        <source>Lampirkan…</source>
        <translation>Attach…</translation>
    </message>
    <message>
        <source>Foto (JPEG, PNG, WebP…) atau pindaian PDF, paling besar 15 MB</source>
        <translation>Photo (JPEG, PNG, WebP…) or PDF scan, at most 15 MB</translation>
    </message>
    <message>
        <source>Buka</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Memuat lampiran…</source>
        <translation>Loading attachments…</translation>
    </message>
    <message>
        <source>berkas hilang</source>
        <translation>file missing</translation>
    </message>
    <message>
        <source>Ditambahkan %s oleh %s</source>
        <translation>Added %s by %s</translation>
    </message>
    <message>
        <source>%d×%d piksel</source>
        <translation>%d×%d pixels</translation>
    </message>
    <message>
        <source>Berkas tidak ada di %s</source>
        <translation>File not found at %s</translation>
    </message>
    <message>
        <source>Belum ada lampiran</source>
        <translation>No attachments yet</translation>
    </message>
    <message>
        <source>Lampirkan foto atau pindaian</source>
        <translation>Attach a photo or scan</translation>
    </message>
    <message>
        <source>Foto atau pindaian PDF (*.jpg *.jpeg *.png *.webp *.bmp *.gif *.tif *.tiff *.pdf);;Semua berkas (*)</source>
        <translation>Photos or PDF scans (*.jpg *.jpeg *.png *.webp *.bmp *.gif *.tif *.tiff *.pdf);;All files (*)</translation>
    </message>
    <message>
        <source>Menyimpan lampiran…</source>
        <translation>Saving attachment…</translation>
    </message>
    <message>
        <source>Berkas &apos;%s&apos; hilang dari folder lampiran; lampirkan lagi.</source>
        <translation>File &apos;%s&apos; is missing from the attachments folder; attach it again.</translation>
    </message>
    <message>
        <source>Tidak ada aplikasi untuk membuka &apos;%s&apos;.</source>
        <translation>No application can open &apos;%s&apos;.</translation>
    </message>
    <message>
        <source>&apos;%s&apos; dibuka dari salinan sementara tanpa enkripsi di %s; salinan itu dihapus saat Simoncer ditutup.</source>
        <translation>&apos;%s&apos; was opened from an unencrypted temporary copy in %s; the copy is deleted when Simoncer closes.</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>Disetujui</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Grafik batang</source>
        <translation>Bar chart</translation>
    </message>
    <message>
        <source>Tidak ada data</source>
        <translation>No data</translation>
    </message>
    <message>
        <source>%s (isi)</source>
        <translation>%s (fill)</translation>
    </message>
    <message>
        <source>%s (bingkai)</source>
        <translation>%s (frame)</translation>
    </message>
</context>
<context>
    <name>BoxedForm</name>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Kolom bertanda * wajib diisi.</source>
        <translation>Fields marked * are required.</translation>
    </message>
    <message>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>Cohort</name>
    <message>
        <source>Keluar %s</source>
        <translation>Withdrew %s</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Tertinggal</source>
        <translation>Falling behind</translation>
    </message>
    <message>
        <source>No. KK</source>
        <translation>Family card no.</translation>
    </message>
    <message>
        <source>Pengurus</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>Peserta</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>Tahapan</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Kehadiran tahap ini</source>
        <translation>Attendance this stage</translation>
    </message>
    <message>
        <source>Sesi terlewat</source>
        <translation>Missed sessions</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Hadir</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>Tidak hadir</source>
        <translation>Absent</translation>
    </message>
</context>
<context>
    <name>DataQuality</name>
    <message>
        <source>Jenis masalah</source>
        <translation>Problem type</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>No. KK</source>
        <translation>Family card no.</translation>
    </message>
    <message>
        <source>Pengurus</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>Anggota</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>hh-bb-tttt</source>
        <translation>dd-mm-yyyy</translation>
    </message>
</context>
<context>
    <name>DecisionModels</name>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Versi</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Skor</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Kelas</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Perubahan</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Petugas</source>
        <translation>Assessor</translation>
    </message>
    <message>
        <source>No. KK</source>
        <translation>Family card no.</translation>
    </message>
    <message>
        <source>Pengurus</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>Tgl usulan</source>
        <translation>Proposed on</translation>
    </message>
    <message>
        <source>Diusulkan oleh</source>
        <translation>Proposed by</translation>
    </message>
    <message>
        <source>Asesmen</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Diputuskan</source>
        <translation>Decided</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>MemberTableModel</name>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Hubungan</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>JK</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Tgl lahir (umur)</source>
        <translation>Born (age)</translation>
    </message>
    <message>
        <source>Pendidikan</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>Komponen</source>
        <translation>Components</translation>
    </message>
    <message>
        <source>Pengurus</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>Meninggal</source>
        <translation>Deceased</translation>
    </message>
    <message>
        <source>Meninggal %s</source>
        <translation>Died %s</translation>
    </message>
    <message>
        <source>%s (%d th)</source>
        <translation>%s (%d y)</translation>
    </message>
    <message>
        <source>%s, sekolah</source>
        <translation>%s, in school</translation>
    </message>
    <message>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
</context>
<context>
    <name>NaturalGraduation</name>
    <message>
        <source>Disetujui</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Ditolak</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Belum diputuskan</source>
        <translation>Not decided</translation>
    </message>
    <message>
        <source>No. KK</source>
        <translation>Family card no.</translation>
    </message>
    <message>
        <source>Pengurus</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Sub-district</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Keputusan</source>
        <translation>Decision</translation>
    </message>
</context>
<context>
    <name>RecapRows</name>
    <message>
        <source>Anggota: %s</source>
        <translation>Members: %s</translation>
    </message>
    <message>
        <source>Graduasi alamiah: %s</source>
        <translation>Natural graduation: %s</translation>
    </message>
    <message>
        <source>Kelas kesejahteraan: %s</source>
        <translation>Welfare class: %s</translation>
    </message>
    <message>
        <source>KPM aktif</source>
        <translation>Active KPM</translation>
    </message>
    <message>
        <source>Nilai bantuan PKH per tahun (Rp)</source>
        <translation>PKH aid per year (Rp)</translation>
    </message>
    <message>
        <source>Graduasi sejahtera mandiri</source>
        <translation>Self-reliant graduation</translation>
    </message>
    <message>
        <source>Graduasi alamiah</source>
        <translation>Natural graduation</translation>
    </message>
    <message>
        <source>Usulan graduasi menunggu</source>
        <translation>Graduation proposals pending</translation>
    </message>
    <message>
        <source>Target %d</source>
        <translation>Target %d</translation>
    </message>
    <message>
        <source>Jumlah target pendamping</source>
        <translation>Sum of facilitator targets</translation>
    </message>
    <message>
        <source>% target (graduasi mandiri)</source>
        <translation>% of target (self-reliant graduation)</translation>
    </message>
    <message>
        <source>% jumlah target pendamping</source>
        <translation>% of facilitator targets</translation>
    </message>
    <message>
        <source>Kejadian bencana</source>
        <translation>Disaster events</translation>
    </message>
    <message>
        <source>Keluarga terdampak</source>
        <translation>Families affected</translation>
    </message>
    <message>
        <source>Korban (jiwa)</source>
        <translation>Victims (people)</translation>
    </message>
    <message>
        <source>Bantuan uang tersalur (Rp)</source>
        <translation>Cash aid handed over (Rp)</translation>
    </message>
    <message>
        <source>Penyaluran barang</source>
        <translation>Goods hand-overs</translation>
    </message>
    <message>
        <source>Angka</source>
        <translation>Figure</translation>
    </message>
    <message>
        <source>Nilai</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Ringkasan</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Wilayah</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Sub-district</translation>
    </message>
    <message>
        <source>Nilai bantuan/tahun (Rp)</source>
        <translation>Aid/year (Rp)</translation>
    </message>
    <message>
        <source>Graduasi mandiri</source>
        <translation>Self-reliant graduation</translation>
    </message>
    <message>
        <source>Usulan menunggu</source>
        <translation>Proposals pending</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>% target (mandiri)</source>
        <translation>% of target (self-reliant)</translation>
    </message>
    <message>
        <source>Kejadian</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Korban</source>
        <translation>Victims</translation>
    </message>
    <message>
        <source>Tahap %d</source>
        <translation>Stage %d</translation>
    </message>
    <message>
        <source>Pendamping</source>
        <translation>Facilitators</translation>
    </message>
    <message>
        <source>Keluarga</source>
        <translation>Families</translation>
    </message>
    <message>
        <source>Diusulkan</source>
        <translation>Proposed</translation>
    </message>
    <message>
        <source>Disetujui</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Kohort</source>
        <translation>Cohort</translation>
    </message>
    <message>
        <source>Tahun</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Peserta</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Mundur</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>Tahapan</source>
        <translation>Stages</translation>
    </message>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Kejadian</source>
        <comment>the event&apos;s name (the area tables&apos; Kejadian is a count)</comment>
        <translation>Event</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Mengungsi</source>
        <translation>Displaced</translation>
    </message>
    <message>
        <source>Luka</source>
        <translation>Injured</translation>
    </message>
    <message>
        <source>Meninggal</source>
        <translation>Deceased</translation>
    </message>
    <message>
        <source>Barang tersalur</source>
        <translation>Goods handed over</translation>
    </message>
    <message>
        <source>Uang tersalur (Rp)</source>
        <translation>Cash handed over (Rp)</translation>
    </message>
    <message>
        <source>Bencana</source>
        <translation>Disaster relief</translation>
    </message>
    <message>
        <source>Per Kecamatan</source>
        <translation>By sub-district</translation>
    </message>
    <message>
        <source>Per Kelurahan</source>
        <translation>By village</translation>
    </message>
</context>
<context>
    <name>Relief</name>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Judul</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Sub-district</translation>
    </message>
    <message>
        <source>Wilayah</source>
        <translation>Areas</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Keluarga</source>
        <translation>Families</translation>
    </message>
    <message>
        <source>Jiwa</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Mengungsi</source>
        <translation>Displaced</translation>
    </message>
    <message>
        <source>Luka</source>
        <translation>Injured</translation>
    </message>
    <message>
        <source>Meninggal</source>
        <translation>Deceased</translation>
    </message>
    <message>
        <source>Kepala keluarga</source>
        <translation>Head of family</translation>
    </message>
    <message>
        <source>No. KK</source>
        <translation>Family card no.</translation>
    </message>
    <message>
        <source>KPM</source>
        <translation>KPM</translation>
    </message>
    <message>
        <source>Kelurahan</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Kerusakan</source>
        <translation>Damage</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Tanpa dokumen</source>
        <translation>No documents</translation>
    </message>
    <message>
        <source>Nama *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Lahir (hh-bb-tttt)</source>
        <translation>Born (dd-mm-yyyy)</translation>
    </message>
    <message>
        <source>JK *</source>
        <translation>Sex *</translation>
    </message>
    <message>
        <source>Hubungan</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>Ahli waris</source>
        <translation>Heir</translation>
    </message>
    <message>
        <source>Alasan tanpa NIK</source>
        <translation>Reason for no NIK</translation>
    </message>
</context>
<context>
    <name>ReliefStock</name>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Satuan</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Stok</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Sumber / penerima</source>
        <translation>Source / recipient</translation>
    </message>
    <message>
        <source>Dokumen</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Kejadian</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Saldo</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>minimal %s</source>
        <translation>at least %s</translation>
    </message>
    <message>
        <source>hanya pengungsi</source>
        <translation>displaced only</translation>
    </message>
    <message>
        <source>Bantuan</source>
        <translation>Aid</translation>
    </message>
    <message>
        <source>Dasar</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>Nilai</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Syarat</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>Berlaku mulai</source>
        <translation>Valid from</translation>
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
        <source>Hari</source>
        <translation>Days</translation>
    </message>
    <message>
        <source>Sudah disalurkan</source>
        <translation>Handed over</translation>
    </message>
    <message>
        <source>Belum</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <source>Sudah %s oleh %s, diterima %s</source>
        <translation>Given %s by %s, received by %s</translation>
    </message>
    <message>
        <source>Penerima manfaat</source>
        <translation>Beneficiary</translation>
    </message>
    <message>
        <source>Hak</source>
        <translation>Entitlement</translation>
    </message>
    <message>
        <source>Penyaluran</source>
        <translation>Hand-over</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Sinkronisasi</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Kesalahan tak terduga saat sinkronisasi: %s</source>
        <translation>Unexpected error during sync: %s</translation>
    </message>
    <message>
        <source>Mendaftarkan perangkat</source>
        <translation>Enrolling the device</translation>
    </message>
    <message>
        <source>Kesalahan tak terduga saat mendaftar: %s</source>
        <translation>Unexpected error during enrollment: %s</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>Belum terdaftar di server</source>
        <translation>Not enrolled on a server</translation>
    </message>
    <message>
        <source>Buka halaman Sinkronisasi</source>
        <translation>Open the Sync page</translation>
    </message>
    <message>
        <source>Menyinkronkan…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>Daring</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Luring</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>%s perubahan menunggu</source>
        <translation>%s changes pending</translation>
    </message>
    <message>
        <source>, %s ditolak server</source>
        <translation>, %s refused by the server</translation>
    </message>
    <message>
        <source>Sinkron terakhir %s</source>
        <translation>Last sync %s</translation>
    </message>
    <message>
        <source>Belum pernah sinkron</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <source>Gagal: %s</source>
        <translation>Failed: %s</translation>
    </message>
</context>
<context>
    <name>TargetTableModel</name>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Sub-district</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Diusulkan</source>
        <translation>Proposed</translation>
    </message>
    <message>
        <source>Disetujui</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Dalam proses</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>% target</source>
        <translation>% target</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>Membatalkan…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Sedang bekerja…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Mohon tunggu</source>
        <translation>Please wait</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Gagal</source>
        <translation>Failed</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Perangkat</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Keluarga</source>
        <translation>Family</translation>
    </message>
    <message>
        <source>Aksi</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Kolom</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Nilai lama</source>
        <translation>Old value</translation>
    </message>
    <message>
        <source>Nilai baru</source>
        <translation>New value</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Lama → baru</source>
        <translation>Old → new</translation>
    </message>
</context>
<context>
    <name>save_path</name>
    <message>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
</context>
</TS>
