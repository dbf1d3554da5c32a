<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AboutDialog</name>
    <message>
        <source>(berkas %s tidak ditemukan)</source>
        <translation>(file %s not found)</translation>
    </message>
    <message>
        <source>Komponen</source>
        <translation>Component</translation>
    </message>
    <message>
        <source>Lisensi</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Situs</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Simoncer Desktop</source>
        <translation>Simoncer Desktop</translation>
    </message>
    <message>
        <source>Komponen pihak ketiga</source>
        <translation>Third-party components</translation>
    </message>
    <message>
        <source>Qt dan PySide6 dipakai di bawah LGPLv3 sebagai pustaka bersama yang terpisah: pustaka itu dapat diganti dengan versi lain yang kompatibel di folder aplikasi.</source>
        <translation>Qt and PySide6 are used under the LGPLv3 as separate shared libraries: they can be replaced with another compatible version in the application folder.</translation>
    </message>
    <message>
        <source>Huruf DejaVu Sans (laporan PDF)</source>
        <translation>DejaVu Sans font (PDF reports)</translation>
    </message>
    <message>
        <source>Data wilayah (resources/wilayah.csv) — Lisensi MIT</source>
        <translation>Region data (resources/wilayah.csv) — MIT Licence</translation>
    </message>
    <message>
        <source>Hak cipta © pemilik proyek Simoncer. Aplikasi ini dibuat untuk Dinas Sosial; ketentuan penggunaannya ditetapkan oleh pemilik proyek.</source>
        <translation>Copyright © the owner of the Simoncer project. This application was made for the Dinas Sosial (social affairs office); its terms of use are set by the project owner.</translation>
    </message>
    <message>
        <source>Tentang Simoncer</source>
        <translation>About Simoncer</translation>
    </message>
    <message>
        <source>Sistem Monitoring Cerdas untuk Dinas Sosial</source>
        <translation>Smart Monitoring System for the Dinas Sosial</translation>
    </message>
    <message>
        <source>(tidak tercatat)</source>
        <translation>(not recorded)</translation>
    </message>
    <message>
        <source>Versi:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>Database terakhir dimutakhirkan oleh versi:</source>
        <translation>Database last upgraded by version:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <source>Folder data:</source>
        <translation>Data folder:</translation>
    </message>
    <message>
        <source>Folder log:</source>
        <translation>Log folder:</translation>
    </message>
    <message>
        <source>Buka folder &amp;data</source>
        <translation>Open &amp;data folder</translation>
    </message>
    <message>
        <source>Buka folder &amp;log</source>
        <translation>Open &amp;log folder</translation>
    </message>
    <message>
        <source>&amp;Tutup</source>
        <translation>&amp;Close</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Panduan Pengguna — Simoncer</source>
        <translation>User Guide — Simoncer</translation>
    </message>
    <message>
        <source>Cari dalam panduan… (Ctrl+F)</source>
        <translation>Search the guide… (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Sebelumnya</source>
        <translation>&amp;Previous</translation>
    </message>
    <message>
        <source>Ber&amp;ikutnya</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <source>&amp;Cari:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <source>Daftar isi</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>&amp;Tutup</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Panduan pengguna tidak ditemukan: %s</source>
        <translation>User guide not found: %s</translation>
    </message>
    <message>
        <source>Tidak ditemukan</source>
        <translation>Not found</translation>
    </message>
    <message>
        <source>%d ditemukan</source>
        <translation>%d found</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Simoncer terkunci.
Masuk lagi untuk melanjutkan.</source>
        <translation>Simoncer is locked.
Sign in again to continue.</translation>
    </message>
    <message>
        <source>Terkunci</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>Beranda</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Keluarga</source>
        <translation>Families</translation>
    </message>
    <message>
        <source>Graduasi</source>
        <translation>Graduation</translation>
    </message>
    <message>
        <source>Bencana</source>
        <translation>Disaster relief</translation>
    </message>
    <message>
        <source>Laporan</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Kualitas Data</source>
        <translation>Data quality</translation>
    </message>
    <message>
        <source>Sinkronisasi</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Jejak Audit</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>Konflik</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Simoncer — Sistem Monitoring Cerdas</source>
        <translation>Simoncer — Smart Monitoring System</translation>
    </message>
    <message>
        <source>Database: %s</source>
        <translation>Database: %s</translation>
    </message>
    <message>
        <source>%s (Ctrl+%d)</source>
        <translation>%s (Ctrl+%d)</translation>
    </message>
    <message>
        <source>&amp;Akun</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <source>&amp;Ganti kata sandi…</source>
        <translation>&amp;Change password…</translation>
    </message>
    <message>
        <source>&amp;Kunci sekarang</source>
        <translation>&amp;Lock now</translation>
    </message>
    <message>
        <source>K&amp;eluar akun</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <source>&amp;Pengguna…</source>
        <translation>&amp;Users…</translation>
    </message>
    <message>
        <source>&amp;Bantuan</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Panduan pengguna</source>
        <translation>&amp;User guide</translation>
    </message>
    <message>
        <source>&amp;Tentang Simoncer</source>
        <translation>&amp;About Simoncer</translation>
    </message>
    <message>
        <source>Pengguna: (belum masuk)</source>
        <translation>User: (not signed in)</translation>
    </message>
    <message>
        <source>Pengguna: %s (%s)</source>
        <translation>User: %s (%s)</translation>
    </message>
    <message>
        <source>%s keluarga</source>
        <translation>%s families</translation>
    </message>
</context>
</TS>
