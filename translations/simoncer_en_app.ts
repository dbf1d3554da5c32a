<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>SettingsPage</name>
    <message>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Hanya administrator yang dapat mengubah pengaturan di bawah ini; Anda dapat melihatnya saja.</source>
        <translation>Only administrators can change the settings below; you can view them only.</translation>
    </message>
    <message>
        <source>&amp;Simpan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Buang perubahan yang belum disimpan</source>
        <translation>Discard the changes not yet saved</translation>
    </message>
    <message>
        <source>Tampilan</source>
        <translation>Display</translation>
    </message>
    <message>
        <source>&amp;Bahasa</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Sinkronisasi</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source> menit</source>
        <translation> minutes</translation>
    </message>
    <message>
        <source>Mati</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>Selama ada pengguna yang masuk dan laptop ini terdaftar di server pusat. 0 mematikan sinkronisasi otomatis (Sinkronkan sekarang tetap bisa).</source>
        <translation>While someone is signed in and this laptop is enrolled with the central server. 0 turns automatic sync off (Sync now still works).</translation>
    </message>
    <message>
        <source>Keamanan</source>
        <translation>Security</translation>
    </message>
    <message>
        <source>Tidak pernah</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>&amp;Kunci layar setelah tidak dipakai</source>
        <translation>&amp;Lock the screen when idle for</translation>
    </message>
    <message>
        <source>Layar terkunci dan kata sandi diminta lagi. 0 = tidak pernah terkunci.</source>
        <translation>The screen locks and asks for the password again. 0 = never locks.</translation>
    </message>
    <message>
        <source>Laporan</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source> keluarga</source>
        <translation> families</translation>
    </message>
    <message>
        <source>Nama koordinator &amp;PKH</source>
        <translation>&amp;PKH coordinator&apos;s name</translation>
    </message>
    <message>
        <source>Nama kepala &amp;dinas</source>
        <translation>&amp;Head of office&apos;s name</translation>
    </message>
    <message>
        <source>Nama-nama ini dicetak di bawah tanda tangan laporan graduasi dan berita acara.</source>
        <translation>These names are printed under the signatures of the graduation report and the handover record (berita acara).</translation>
    </message>
    <message>
        <source>Ke&amp;mbalikan</source>
        <translation>Re&amp;vert</translation>
    </message>
    <message>
        <source>Bahasa tampilan laptop ini, untuk semua pengguna; berganti saat dipilih. Dokumen dan berkas ekspor tetap berbahasa Indonesia.</source>
        <translation>The display language of this laptop, for every user; it changes as soon as you choose it. Documents and exported files stay in Bahasa Indonesia.</translation>
    </message>
    <message>
        <source>Sinkronkan &amp;otomatis setiap</source>
        <translation>Sync &amp;automatically every</translation>
    </message>
    <message>
        <source>&amp;Nama kantor</source>
        <translation>&amp;Office name</translation>
    </message>
    <message>
        <source>Tar&amp;get graduasi per pendamping per tahun</source>
        <translation>Graduation tar&amp;get per facilitator per year</translation>
    </message>
    <message>
        <source>&amp;Target graduasi kota per tahun</source>
        <translation>&amp;City graduation target per year</translation>
    </message>
    <message>
        <source>Perubahan berlaku mulai hari ini; laporan tahun lalu tetap memakai nilai lama.</source>
        <translation>Changes apply from today; last year&apos;s reports keep the old values.</translation>
    </message>
    <message>
        <source>Buka folder</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Tentang data</source>
        <translation>About the data</translation>
    </message>
    <message>
        <source>Versi Simoncer</source>
        <translation>Simoncer version</translation>
    </message>
    <message>
        <source>Revisi skema database</source>
        <translation>Database schema revision</translation>
    </message>
    <message>
        <source>Berkas database</source>
        <translation>Database file</translation>
    </message>
    <message>
        <source>Folder data</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>Folder log</source>
        <translation>Log folder</translation>
    </message>
    <message>
        <source>Folder cadangan</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <source>Sinkronkan otomatis setiap</source>
        <translation>Sync automatically every</translation>
    </message>
    <message>
        <source>Kunci layar setelah tidak dipakai</source>
        <translation>Lock the screen when idle for</translation>
    </message>
    <message>
        <source>Nama kantor</source>
        <translation>Office name</translation>
    </message>
    <message>
        <source>Nama koordinator PKH</source>
        <translation>PKH coordinator&apos;s name</translation>
    </message>
    <message>
        <source>Nama kepala dinas</source>
        <translation>Head of office&apos;s name</translation>
    </message>
    <message>
        <source>Target graduasi per pendamping per tahun</source>
        <translation>Graduation target per facilitator per year</translation>
    </message>
    <message>
        <source>Target graduasi kota per tahun</source>
        <translation>City graduation target per year</translation>
    </message>
    <message>
        <source>%s wajib diisi.</source>
        <translation>%s is required.</translation>
    </message>
    <message>
        <source>Hanya administrator yang dapat mengubah pengaturan.</source>
        <translation>Only administrators can change the settings.</translation>
    </message>
    <message>
        <source>Tidak ada perubahan.</source>
        <translation>No changes.</translation>
    </message>
    <message>
        <source>Pengaturan disimpan (%d diubah).</source>
        <translation>Settings saved (%d changed).</translation>
    </message>
    <message>
        <source>Bahasa tidak dapat disimpan: %s</source>
        <translation>The language could not be saved: %s</translation>
    </message>
    <message>
        <source>Bahasa disimpan.</source>
        <translation>Language saved.</translation>
    </message>
    <message>
        <source>Folder tidak dapat dibuka: %s</source>
        <translation>The folder could not be opened: %s</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Simoncer — Sistem Monitoring Cerdas</source>
        <translation>Simoncer — Smart Monitoring System</translation>
    </message>
    <message>
        <source>Database tidak dapat dibuka</source>
        <translation>The database cannot be opened</translation>
    </message>
    <message>
        <source>Simoncer tidak dapat membuka database:
%s

%s

Periksa apakah berkas itu ada dan dapat ditulis, atau jalankan dengan --db untuk memilih berkas lain. Cadangan otomatis ada di folder &apos;backups&apos; di sebelah berkas database.</source>
        <translation>Simoncer cannot open the database:
%s

%s

Check that the file exists and can be written, or run with --db to choose another file. Automatic backups are in the &apos;backups&apos; folder next to the database file.</translation>
    </message>
</context>
</TS>
