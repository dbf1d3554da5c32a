<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AdminPage</name>
    <message>
        <source>Administrator pertama</source>
        <translation>First administrator</translation>
    </message>
    <message>
        <source>Akun yang mengelola pengguna lain. Kata sandi minimal %d karakter dan tidak sama dengan nama pengguna.</source>
        <translation>The account that manages the other users. The password needs at least %d characters and must differ from the username.</translation>
    </message>
    <message>
        <source>mis. admin</source>
        <translation>e.g. admin</translation>
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
        <source>&amp;Kata sandi:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Ulangi kata sandi:</source>
        <translation>&amp;Repeat password:</translation>
    </message>
    <message>
        <source>Buat database</source>
        <translation>Create database</translation>
    </message>
</context>
<context>
    <name>EnrollPage</name>
    <message>
        <source>Server pusat Dinsos</source>
        <translation>Dinsos central server</translation>
    </message>
    <message>
        <source>Alamat server dan kode pendaftaran sekali pakai dari kantor Dinsos.</source>
        <translation>The server address and the one-time enrollment code from the Dinsos office.</translation>
    </message>
    <message>
        <source>Wilayah laptop ini dan akun pengguna diterima dari server; tidak ada administrator lokal yang dibuat. Setelah itu pengguna masuk dengan akunnya sendiri, juga tanpa koneksi.</source>
        <translation>This laptop&apos;s region and the user accounts come from the server; no local administrator is created. Users then sign in with their own accounts, also without a connection.</translation>
    </message>
    <message>
        <source>mis. https://sinkron.dinsos.example.go.id</source>
        <translation>e.g. https://sinkron.dinsos.example.go.id</translation>
    </message>
    <message>
        <source>mis. ABCD-EFGH-JKLM</source>
        <translation>e.g. ABCD-EFGH-JKLM</translation>
    </message>
    <message>
        <source>Opsional: sertifikat CA kantor (PEM)</source>
        <translation>Optional: the office&apos;s CA certificate (PEM)</translation>
    </message>
    <message>
        <source>&amp;Pilih…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <source>&amp;Alamat server:</source>
        <translation>Server &amp;address:</translation>
    </message>
    <message>
        <source>&amp;Kode pendaftaran:</source>
        <translation>Enrollment &amp;code:</translation>
    </message>
    <message>
        <source>&amp;Nama perangkat:</source>
        <translation>Device &amp;name:</translation>
    </message>
    <message>
        <source>&amp;Sertifikat CA:</source>
        <translation>CA c&amp;ertificate:</translation>
    </message>
    <message>
        <source>Daftarkan</source>
        <translation>Enroll</translation>
    </message>
    <message>
        <source>Pilih sertifikat CA kantor</source>
        <translation>Choose the office&apos;s CA certificate</translation>
    </message>
    <message>
        <source>Sertifikat (*.pem *.crt *.cer);;Semua berkas (*)</source>
        <translation>Certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
    <message>
        <source>Mendaftarkan laptop dan menerima data wilayah…</source>
        <translation>Enrolling the laptop and receiving the region&apos;s data…</translation>
    </message>
    <message>
        <source>Menerima data wilayah dari server…</source>
        <translation>Receiving the region&apos;s data from the server…</translation>
    </message>
    <message>
        <source>Laptop terdaftar untuk wilayah %s; data wilayah dan akun pengguna sudah diterima.</source>
        <translation>Laptop enrolled for region %s; the region&apos;s data and the user accounts have been received.</translation>
    </message>
    <message>
        <source>Coba lagi</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Database sudah dibuat dan laptop terdaftar untuk wilayah %s, tetapi data wilayahnya belum lengkap diterima. Tekan Coba lagi; atau Batal untuk menghapus database yang belum selesai (lalu perlu kode pendaftaran baru).</source>
        <translation>The database was created and the laptop is enrolled for region %s, but the region&apos;s data has not been fully received. Press Try again; or Cancel to delete the unfinished database (a new enrollment code is then needed).</translation>
    </message>
    <message>
        <source>Pendaftaran dibatalkan; belum ada yang dibuat.</source>
        <translation>Enrollment cancelled; nothing has been created.</translation>
    </message>
    <message>
        <source>%s
Periksa alamat server dan koneksi jaringan, lalu coba lagi.</source>
        <translation>%s
Check the server address and the network connection, then try again.</translation>
    </message>
    <message>
        <source>Sambungan aman (TLS) ke server gagal: sertifikat server tidak dapat diverifikasi. Bila kantor memakai sertifikat sendiri, pilih berkas sertifikat CA dari kantor Dinsos. (%s)</source>
        <translation>The secure (TLS) connection to the server failed: the server&apos;s certificate cannot be verified. If the office uses its own certificates, choose the CA certificate file from the Dinsos office. (%s)</translation>
    </message>
    <message>
        <source>Pendaftaran ditolak server: %s</source>
        <translation>The server refused the enrollment: %s</translation>
    </message>
    <message>
        <source>Pendaftaran gagal: %s</source>
        <translation>Enrollment failed: %s</translation>
    </message>
    <message>
        <source>Sinkronisasi pertama gagal: %s</source>
        <translation>The first sync failed: %s</translation>
    </message>
    <message>
        <source>Pendaftaran gagal karena kesalahan tak terduga: %s</source>
        <translation>Enrollment failed because of an unexpected error: %s</translation>
    </message>
    <message>
        <source>Batalkan pendaftaran</source>
        <translation>Cancel enrollment</translation>
    </message>
    <message>
        <source>Database baru sudah dibuat dan terdaftar, tetapi data wilayahnya belum lengkap diterima.

Hapus database yang belum selesai itu dan tutup? Untuk mendaftar lagi nanti diperlukan kode pendaftaran baru dari kantor Dinsos.</source>
        <translation>The new database was created and enrolled, but the region&apos;s data has not been fully received.

Delete the unfinished database and close? Enrolling again later needs a new enrollment code from the Dinsos office.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Simoncer — mengamankan database lama</source>
        <translation>Simoncer — securing an old database</translation>
    </message>
    <message>
        <source>Simoncer — penyiapan pertama</source>
        <translation>Simoncer — first setup</translation>
    </message>
    <message>
        <source>&amp;Lanjut &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Kembali</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Selesai</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <source>Database ini dibuat sebelum Simoncer mengenkripsi data. Pilih wilayah dan buat administrator pertama; database lalu dienkripsi di tempat (cadangan dibuat lebih dulu).</source>
        <translation>This database was made before Simoncer encrypted data. Choose the region and create the first administrator; the database is then encrypted in place (a backup is made first).</translation>
    </message>
    <message>
        <source>Pilih kabupaten/kota di halaman sebelumnya.</source>
        <translation>Choose the regency/city on the previous page.</translation>
    </message>
    <message>
        <source>Database tidak dapat dibuat: %s</source>
        <translation>The database cannot be created: %s</translation>
    </message>
</context>
<context>
    <name>InitialDataPage</name>
    <message>
        <source>Data awal</source>
        <translation>Initial data</translation>
    </message>
    <message>
        <source>Database baru masih kosong. Pilih cara memulai; berkas keluarga dapat juga diimpor nanti dari halaman Keluarga.</source>
        <translation>The new database is still empty. Choose how to start; a family file can also be imported later from the Families page.</translation>
    </message>
    <message>
        <source>&amp;Mulai dengan database kosong</source>
        <translation>Start with an &amp;empty database</translation>
    </message>
    <message>
        <source>&amp;Impor berkas keluarga (Excel/CSV)…</source>
        <translation>&amp;Import a family file (Excel/CSV)…</translation>
    </message>
    <message>
        <source>Isi data &amp;demo (sintetis)</source>
        <translation>Fill with &amp;demo data (synthetic)</translation>
    </message>
    <message>
        <source>Lokasi berkas .xlsx atau .csv…</source>
        <translation>Location of the .xlsx or .csv file…</translation>
    </message>
    <message>
        <source>Pilih &amp;berkas…</source>
        <translation>Choose &amp;file…</translation>
    </message>
    <message>
        <source>Setelah Selesai, jendela utama terbuka dan jendela Impor data keluarga memeriksa berkas ini. Anda melihat hasil pemeriksaannya sebelum ada yang disimpan.</source>
        <translation>After Finish, the main window opens and the Import family data window checks this file. You see the result of the check before anything is saved.</translation>
    </message>
    <message>
        <source> keluarga</source>
        <translation> families</translation>
    </message>
    <message>
        <source>Data demo adalah data rekaan (sintetis): nama, NIK, No. KK dan alamatnya bukan orang sungguhan. Termasuk satu kejadian banjir demo. Gunakan untuk berlatih, jangan dicampur dengan data KPM asli; data demo tidak dikirim ke server pusat.</source>
        <translation>Demo data is made up (synthetic): its names, NIKs, family card numbers (No. KK) and addresses are not real people. It includes one demo flood event. Use it to practise, do not mix it with real KPM data; demo data is never sent to the central server.</translation>
    </message>
    <message>
        <source>Pilih berkas yang akan diimpor.</source>
        <translation>Choose the file to import.</translation>
    </message>
    <message>
        <source>Hanya berkas .xlsx atau .csv yang dapat diimpor.</source>
        <translation>Only .xlsx or .csv files can be imported.</translation>
    </message>
    <message>
        <source>Berkas tidak ditemukan.</source>
        <translation>File not found.</translation>
    </message>
    <message>
        <source>Pilih berkas data keluarga</source>
        <translation>Choose a family data file</translation>
    </message>
    <message>
        <source>Spreadsheet (*.xlsx *.csv);;Semua berkas (*)</source>
        <translation>Spreadsheet (*.xlsx *.csv);;All files (*)</translation>
    </message>
    <message>
        <source>Membuat %s keluarga demo (sintetis)…</source>
        <translation>Creating %s demo families (synthetic)…</translation>
    </message>
    <message>
        <source>Dibuat %s keluarga demo (sintetis) dengan %s anggota di wilayah %s.</source>
        <translation>Created %s demo families (synthetic) with %s members in region %s.</translation>
    </message>
    <message>
        <source>Dibatalkan; tidak ada data demo yang disimpan.</source>
        <translation>Cancelled; no demo data was saved.</translation>
    </message>
    <message>
        <source>Data demo tidak dapat dibuat: %s</source>
        <translation>The demo data cannot be created: %s</translation>
    </message>
    <message>
        <source>Data demo tidak dapat dibuat karena kesalahan tak terduga: %s</source>
        <translation>The demo data cannot be created because of an unexpected error: %s</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>Kunci pemulihan</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>Saya sudah menyimpan kunci pemulihan di tempat aman</source>
        <translation>I have stored the recovery key in a safe place</translation>
    </message>
</context>
<context>
    <name>RegionPage</name>
    <message>
        <source>Semua kecamatan (kantor Dinas)</source>
        <translation>All sub-districts (Dinas office)</translation>
    </message>
    <message>
        <source>Penyiapan pertama</source>
        <translation>First setup</translation>
    </message>
    <message>
        <source>Buat database baru di laptop ini, atau daftarkan laptop ini ke server pusat Dinsos dengan kode sekali pakai dari kantor Dinsos.</source>
        <translation>Create a new database on this laptop, or enroll this laptop with the Dinsos central server using a one-time code from the Dinsos office.</translation>
    </message>
    <message>
        <source>&amp;Buat database baru di laptop ini (administrator pertama)</source>
        <translation>&amp;Create a new database on this laptop (first administrator)</translation>
    </message>
    <message>
        <source>&amp;Daftarkan ke server pusat Dinsos</source>
        <translation>&amp;Enroll with the Dinsos central server</translation>
    </message>
    <message>
        <source>Wilayah (kecamatan) laptop ini dan akun pengguna diterima dari server; tidak ada administrator lokal yang dibuat.</source>
        <translation>This laptop&apos;s region (sub-district) and the user accounts come from the server; no local administrator is created.</translation>
    </message>
    <message>
        <source>Wilayah</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Kabupaten/kota yang dilayani, dan kecamatan laptop ini. Laptop kantor Dinas yang mengurus semua kecamatan memilih &quot;%s&quot;.</source>
        <translation>The regency/city served, and the sub-district of this laptop. A Dinas office laptop that handles every sub-district chooses &quot;%s&quot;.</translation>
    </message>
    <message>
        <source>&amp;Kabupaten/kota:</source>
        <translation>&amp;Regency/city:</translation>
    </message>
    <message>
        <source>K&amp;ecamatan laptop ini:</source>
        <translation>This laptop&apos;s &amp;sub-district:</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Gagal membuka database %s: database lama yang belum dienkripsi; jalankan aplikasi sekali tanpa --quit-after-ready untuk mengamankannya.</source>
        <translation>Cannot open database %s: an old database that is not encrypted yet; run the app once without --quit-after-ready to secure it.</translation>
    </message>
    <message>
        <source>Gagal membuka database %s: berkas kunci %s tidak ada.</source>
        <translation>Cannot open database %s: the key file %s does not exist.</translation>
    </message>
    <message>
        <source>Gagal membuka database %s: database belum dibuat.</source>
        <translation>Cannot open database %s: the database has not been created yet.</translation>
    </message>
    <message>
        <source>Kata sandi untuk &apos;%s&apos; tidak diberikan: isi variabel lingkungan %s.</source>
        <translation>No password given for &apos;%s&apos;: set the environment variable %s.</translation>
    </message>
    <message>
        <source>Gagal masuk ke %s: %s</source>
        <translation>Cannot sign in to %s: %s</translation>
    </message>
    <message>
        <source>Gagal membuka database %s: %s</source>
        <translation>Cannot open database %s: %s</translation>
    </message>
    <message>
        <source>Berkas kunci %s tidak ditemukan. Tanpa berkas itu database terenkripsi tidak dapat dibuka: kembalikan berkas kunci dari cadangan ke sebelah database.</source>
        <translation>The key file %s was not found. Without it the encrypted database cannot be opened: restore the key file from a backup next to the database.</translation>
    </message>
</context>
</TS>
