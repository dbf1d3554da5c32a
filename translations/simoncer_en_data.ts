<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>attachments</name>
    <message>
        <source>Lampiran memerlukan database berupa berkas</source>
        <translation>Attachments need a database stored as a file</translation>
    </message>
    <message>
        <source>Kunci enkripsi lampiran tidak tersedia: buka database dengan masuk (nama pengguna dan kata sandi) dulu.</source>
        <translation>The attachment encryption key is not available: open the database by signing in (username and password) first.</translation>
    </message>
    <message>
        <source>Keterangan paling panjang {max_caption} karakter</source>
        <translation>The caption may be at most {max_caption} characters</translation>
    </message>
    <message>
        <source>Nama operator wajib diisi</source>
        <translation>The operator&apos;s name is required</translation>
    </message>
    <message>
        <source>Berkas &apos;{file_name}&apos; hilang dari folder lampiran; lampirkan lagi.</source>
        <translation>The file &apos;{file_name}&apos; is missing from the attachments folder; attach it again.</translation>
    </message>
    <message>
        <source>Berkas &apos;{file_name}&apos; tidak dapat dibaca: {strerror}</source>
        <translation>The file &apos;{file_name}&apos; cannot be read: {strerror}</translation>
    </message>
    <message>
        <source>Lampiran &apos;{file_name}&apos; tidak dapat dibuka: berkasnya rusak atau telah diubah, atau berasal dari database lain (kunci berbeda).</source>
        <translation>The attachment &apos;{file_name}&apos; cannot be opened: the file is damaged or was changed, or it comes from another database (different key).</translation>
    </message>
    <message>
        <source>Lampiran &apos;{file_name}&apos; rusak atau telah diubah (hash tidak cocok).</source>
        <translation>The attachment &apos;{file_name}&apos; is damaged or was changed (hash does not match).</translation>
    </message>
    <message>
        <source>Salinan sementara &apos;{file_name}&apos; tidak dapat dibuat di {target_dir}: {strerror}</source>
        <translation>A temporary copy of &apos;{file_name}&apos; cannot be made in {target_dir}: {strerror}</translation>
    </message>
    <message>
        <source>Jenis pemilik lampiran &apos;{owner_kind}&apos; tidak dikenal ({kinds})</source>
        <translation>Unknown attachment owner type &apos;{owner_kind}&apos; ({kinds})</translation>
    </message>
    <message>
        <source>{label} dengan id &apos;{owner_id}&apos; tidak ditemukan</source>
        <translation>{label} with id &apos;{owner_id}&apos; not found</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; bukan berkas</source>
        <translation>&apos;{name}&apos; is not a file</translation>
    </message>
    <message>
        <source>Berkas &apos;{name}&apos; terlalu besar ({megabytes} MB); paling besar {limit} MB</source>
        <translation>The file &apos;{name}&apos; is too large ({megabytes} MB); at most {limit} MB</translation>
    </message>
    <message>
        <source>Berkas &apos;{name}&apos; tidak ditemukan</source>
        <translation>The file &apos;{name}&apos; was not found</translation>
    </message>
    <message>
        <source>Berkas &apos;{name}&apos; tidak dapat dibaca: {strerror}</source>
        <translation>The file &apos;{name}&apos; cannot be read: {strerror}</translation>
    </message>
    <message>
        <source>Berkas &apos;{name}&apos; terlalu besar; paling besar {limit} MB</source>
        <translation>The file &apos;{name}&apos; is too large; at most {limit} MB</translation>
    </message>
    <message>
        <source>Berkas &apos;{name}&apos; bukan foto atau pindaian PDF</source>
        <translation>The file &apos;{name}&apos; is not a photo or a PDF scan</translation>
    </message>
    <message>
        <source>Foto &apos;{name}&apos; rusak atau tidak dapat dibaca</source>
        <translation>The photo &apos;{name}&apos; is damaged or cannot be read</translation>
    </message>
    <message>
        <source>Foto &apos;{name}&apos; terlalu besar ukuran pikselnya</source>
        <translation>The photo &apos;{name}&apos; has too many pixels</translation>
    </message>
    <message>
        <source>Lampiran tidak dapat disimpan di {parent}: {strerror}</source>
        <translation>The attachment cannot be saved in {parent}: {strerror}</translation>
    </message>
</context>
<context>
    <name>auth</name>
    <message>
        <source>Nama pengguna atau kata sandi salah.</source>
        <translation>Wrong username or password.</translation>
    </message>
    <message>
        <source>Nama pengguna harus 3–60 karakter: huruf kecil, angka, titik, garis bawah atau tanda minus, diawali huruf atau angka (tertulis &apos;{username}&apos;).</source>
        <translation>The username must be 3–60 characters: lower-case letters, digits, dots, underscores or hyphens, starting with a letter or digit (entered: &apos;{username}&apos;).</translation>
    </message>
    <message>
        <source>Kata sandi minimal {min_password_length} karakter.</source>
        <translation>The password must be at least {min_password_length} characters.</translation>
    </message>
    <message>
        <source>Kata sandi tidak boleh sama dengan nama pengguna.</source>
        <translation>The password must not be the same as the username.</translation>
    </message>
    <message>
        <source>Nama lengkap wajib diisi.</source>
        <translation>The full name is required.</translation>
    </message>
    <message>
        <source>Nama lengkap maksimal 120 karakter.</source>
        <translation>The full name may be at most 120 characters.</translation>
    </message>
    <message>
        <source>Peran &apos;{role}&apos; tidak dikenal.</source>
        <translation>Unknown role &apos;{role}&apos;.</translation>
    </message>
    <message>
        <source>Nama pengguna &apos;{username}&apos; sudah dipakai.</source>
        <translation>The username &apos;{username}&apos; is already taken.</translation>
    </message>
    <message>
        <source>Peran {label} harus diberi satu kecamatan.</source>
        <translation>The role {label} must be given one sub-district.</translation>
    </message>
    <message>
        <source>Kecamatan &apos;{scope}&apos; tidak terdaftar.</source>
        <translation>Sub-district &apos;{scope}&apos; is not registered.</translation>
    </message>
    <message>
        <source>Pengguna berperan pendamping harus dihubungkan dengan data pendamping yang ada.</source>
        <translation>A user with the facilitator role must be linked to an existing facilitator record.</translation>
    </message>
    <message>
        <source>Administrator pertama sudah dibuat; minta administrator untuk membuatkan akun.</source>
        <translation>The first administrator has already been created; ask the administrator to create an account for you.</translation>
    </message>
    <message>
        <source>Akun sendiri tidak dapat dinonaktifkan.</source>
        <translation>You cannot deactivate your own account.</translation>
    </message>
    <message>
        <source>Pengguna &apos;{username}&apos; tidak ditemukan.</source>
        <translation>User &apos;{username}&apos; not found.</translation>
    </message>
    <message>
        <source>Kata sandi lama salah.</source>
        <translation>The old password is wrong.</translation>
    </message>
    <message>
        <source>Kata sandi baru harus berbeda dari kata sandi lama.</source>
        <translation>The new password must differ from the old password.</translation>
    </message>
    <message>
        <source>Akun &apos;{username}&apos; terkunci karena terlalu banyak percobaan. Coba lagi {minutes} menit lagi.</source>
        <translation>Account &apos;{username}&apos; is locked after too many attempts. Try again in {minutes} minutes.</translation>
    </message>
    <message>
        <source>{wrong_credentials} Akun dikunci selama {minutes} menit.</source>
        <translation>{wrong_credentials} The account is locked for {minutes} minutes.</translation>
    </message>
</context>
<context>
    <name>backup</name>
    <message>
        <source>Cadangan tidak dapat ditulis ke folder {folder}: {reason}. Tidak ada berkas yang dibuat.</source>
        <translation>The backup cannot be written to the folder {folder}: {reason}. No file was created.</translation>
    </message>
    <message>
        <source>Database {db_path} belum terenkripsi; buka dengan aplikasi (masuk) dulu agar dienkripsi, lalu buat cadangan. Tidak ada berkas yang dibuat.</source>
        <translation>Database {db_path} is not encrypted yet; open it with the application (sign in) first so that it is encrypted, then make the backup. No file was created.</translation>
    </message>
    <message>
        <source>Berkas kunci {keys} tidak ditemukan; tanpa berkas itu cadangan tidak dapat dipulihkan. Tidak ada berkas yang dibuat.</source>
        <translation>Key file {keys} not found; without it the backup could not be restored. No file was created.</translation>
    </message>
    <message>
        <source>Cadangan {name} sudah ada di folder {folder}; coba lagi sebentar lagi</source>
        <translation>Backup {name} already exists in the folder {folder}; try again in a moment</translation>
    </message>
    <message>
        <source>Berkas {name} tidak dapat dipulihkan: {why}. Database tidak diubah.</source>
        <translation>File {name} cannot be restored: {why}. The database was not changed.</translation>
    </message>
    <message>
        <source>bukan berkas cadangan Simoncer (manifest.json tidak ada)</source>
        <translation>not a Simoncer backup file (manifest.json is missing)</translation>
    </message>
    <message>
        <source>manifest.json rusak</source>
        <translation>manifest.json is damaged</translation>
    </message>
    <message>
        <source>bukan berkas cadangan Simoncer</source>
        <translation>not a Simoncer backup file</translation>
    </message>
    <message>
        <source>manifest.json tidak lengkap</source>
        <translation>manifest.json is incomplete</translation>
    </message>
    <message>
        <source>cadangan lama tanpa enkripsi (dibuat sebelum database dienkripsi) tidak dapat dipulihkan oleh versi {version} ini; pakai cadangan yang lebih baru</source>
        <translation>an old unencrypted backup (made before the database was encrypted) cannot be restored by this version {version}; use a newer backup</translation>
    </message>
    <message>
        <source>terenkripsi dengan &apos;{encryption}&apos;, yang belum didukung versi aplikasi ini</source>
        <translation>encrypted with &apos;{encryption}&apos;, which this version of the application does not support yet</translation>
    </message>
    <message>
        <source>Berkas cadangan {path} tidak ditemukan</source>
        <translation>Backup file {path} not found</translation>
    </message>
    <message>
        <source>bukan berkas zip yang utuh (rusak atau terpotong)</source>
        <translation>not a complete zip file (damaged or truncated)</translation>
    </message>
    <message>
        <source>dibuat oleh versi aplikasi yang lebih baru (format cadangan tidak dikenal)</source>
        <translation>made by a newer version of the application (unknown backup format)</translation>
    </message>
    <message>
        <source>dibuat oleh versi aplikasi yang lebih baru ({app_version}, skema {revision} tidak dikenal versi {version} ini); perbarui aplikasi dulu</source>
        <translation>made by a newer version of the application ({app_version}; schema {revision} is unknown to this version {version}); update the application first</translation>
    </message>
    <message>
        <source>database tidak ada di dalam cadangan</source>
        <translation>the database is missing from the backup</translation>
    </message>
    <message>
        <source>berkas kunci ({keys_member}) tidak ada di dalam cadangan</source>
        <translation>the key file ({keys_member}) is missing from the backup</translation>
    </message>
    <message>
        <source>isi cadangan tidak sesuai dengan manifest.json</source>
        <translation>the contents of the backup do not match manifest.json</translation>
    </message>
    <message>
        <source>{name} di dalam cadangan rusak</source>
        <translation>{name} in the backup is damaged</translation>
    </message>
    <message>
        <source>{name} di dalam cadangan rusak atau telah diubah (hash tidak cocok)</source>
        <translation>{name} in the backup is damaged or was changed (hash does not match)</translation>
    </message>
    <message>
        <source>Kunci database diperlukan untuk memeriksa cadangan; masuk dulu lalu ulangi.</source>
        <translation>The database key is needed to check the backup; sign in first, then try again.</translation>
    </message>
    <message>
        <source>database di dalam cadangan tidak dapat dibuka dengan kunci database ini (cadangan dari database lain, atau berkasnya rusak)</source>
        <translation>the database in the backup cannot be opened with this database&apos;s key (a backup of another database, or the file is damaged)</translation>
    </message>
    <message>
        <source>database di dalam cadangan bukan database SQLite yang utuh</source>
        <translation>the database in the backup is not a complete SQLite database</translation>
    </message>
    <message>
        <source>database di dalam cadangan rusak (pemeriksaan integritas gagal)</source>
        <translation>the database in the backup is damaged (integrity check failed)</translation>
    </message>
    <message>
        <source>versi skema database tidak sesuai dengan manifest.json</source>
        <translation>the database schema version does not match manifest.json</translation>
    </message>
    <message>
        <source>Database {name} sedang dipakai; tutup aplikasi lalu ulangi ({exc})</source>
        <translation>Database {name} is in use; close the application, then try again ({exc})</translation>
    </message>
    <message>
        <source>Database {name} sedang dipakai; tutup aplikasi lalu ulangi</source>
        <translation>Database {name} is in use; close the application, then try again</translation>
    </message>
    <message>
        <source>Folder {parent} tidak dapat dibuat ({strerror}); pemulihan dibatalkan</source>
        <translation>Folder {parent} cannot be created ({strerror}); restore cancelled</translation>
    </message>
    <message>
        <source>Salinan database saat ini tidak dapat dibuat di {keep} ({exc}); pemulihan dibatalkan</source>
        <translation>A copy of the current database cannot be made at {keep} ({exc}); restore cancelled</translation>
    </message>
    <message>
        <source>Pemulihan gagal ({strerror}); database dan lampiran saat ini tidak diubah</source>
        <translation>Restore failed ({strerror}); the current database and attachments were not changed</translation>
    </message>
</context>
<context>
    <name>caseload</name>
    <message>
        <source>{label}: wajib dipilih</source>
        <translation>{label}: a choice is required</translation>
    </message>
    <message>
        <source>{label}: nilai &apos;{value}&apos; tidak dikenal</source>
        <translation>{label}: unknown value &apos;{value}&apos;</translation>
    </message>
    <message>
        <source>Tanggal lahir: {date} ada di masa depan</source>
        <translation>Date of birth: {date} is in the future</translation>
    </message>
    <message>
        <source>Tanggal lahir: {date} terlalu lampau</source>
        <translation>Date of birth: {date} is too long ago</translation>
    </message>
    <message>
        <source>Tanggal meninggal: {date} ada di masa depan</source>
        <translation>Date of death: {date} is in the future</translation>
    </message>
    <message>
        <source>Nama: wajib diisi</source>
        <translation>Name: required</translation>
    </message>
    <message>
        <source>Nama: terlalu panjang (maksimal 120 huruf)</source>
        <translation>Name: too long (at most 120 characters)</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Hubungan keluarga</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>Pendidikan</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>Tanggal lahir: wajib diisi</source>
        <translation>Date of birth: required</translation>
    </message>
    <message>
        <source>Hamil/nifas: hanya untuk anggota perempuan</source>
        <translation>Pregnant/post-partum: only for female members</translation>
    </message>
    <message>
        <source>Masih sekolah: pilih jenjang pendidikan yang sedang ditempuh</source>
        <translation>In school: choose the education level being attended</translation>
    </message>
    <message>
        <source>Tanggal meninggal: hanya diisi bila anggota meninggal</source>
        <translation>Date of death: only filled in when the member has died</translation>
    </message>
    <message>
        <source>NIK: {nik} sudah dipakai anggota lain di keluarga ini ({name})</source>
        <translation>NIK: {nik} is already used by another member of this family ({name})</translation>
    </message>
    <message>
        <source>NIK: {nik} sudah terdaftar atas nama {name} di keluarga No. KK {no_kk} (pengurus: {recipient})</source>
        <translation>NIK: {nik} is already registered to {name} in the family with No. KK {no_kk} (recipient: {recipient})</translation>
    </message>
    <message>
        <source>Kelurahan: wajib dipilih dari daftar wilayah</source>
        <translation>Village: choose one from the list of areas</translation>
    </message>
    <message>
        <source>Pendamping: tidak ditemukan</source>
        <translation>Facilitator: not found</translation>
    </message>
    <message>
        <source>{label}: harus angka 1–3 digit (tertulis &apos;{value}&apos;)</source>
        <translation>{label}: must be a number of 1–3 digits (entered: &apos;{value}&apos;)</translation>
    </message>
    <message>
        <source>No. HP: &apos;{phone}&apos; bukan nomor telepon Indonesia (08… atau +62…)</source>
        <translation>Mobile no.: &apos;{phone}&apos; is not an Indonesian phone number (08… or +62…)</translation>
    </message>
    <message>
        <source>Desil: harus 1–10 (tertulis {desil})</source>
        <translation>Decile: must be 1–10 (entered: {desil})</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Kelas kesejahteraan</source>
        <translation>Welfare class</translation>
    </message>
    <message>
        <source>Program: tidak dikenal ({codes})</source>
        <translation>Programme: unknown ({codes})</translation>
    </message>
    <message>
        <source>No. KK: {no_kk} sudah terdaftar (pengurus: {recipient})</source>
        <translation>No. KK: {no_kk} is already registered (recipient: {recipient})</translation>
    </message>
    <message>
        <source>Keluarga tidak ditemukan (mungkin sudah dihapus)</source>
        <translation>Family not found (it may have been deleted)</translation>
    </message>
    <message>
        <source>Anggota tidak ditemukan (mungkin sudah dihapus)</source>
        <translation>Member not found (they may have been deleted)</translation>
    </message>
    <message>
        <source>Anggota {i}: NIK {nik} sama dengan anggota {other}</source>
        <translation>Member {i}: NIK {nik} is the same as member {other}</translation>
    </message>
    <message>
        <source>Pengurus: hanya satu anggota yang boleh menjadi pengurus</source>
        <translation>Recipient: only one member can be the recipient</translation>
    </message>
    <message>
        <source>Anggota {i}: {message}</source>
        <translation>Member {i}: {message}</translation>
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
        <source>NIK pengurus</source>
        <translation>Recipient NIK</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Sub-district</translation>
    </message>
    <message>
        <source>Kelurahan</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Pendamping</source>
        <translation>Facilitator</translation>
    </message>
    <message>
        <source>Anggota</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Desil</source>
        <translation>Decile</translation>
    </message>
    <message>
        <source>Ketik minimal {count} digit NIK/No. KK (6 digit pertama adalah kode wilayah)</source>
        <translation>Type at least {count} digits of the NIK/No. KK (the first 6 digits are the area code)</translation>
    </message>
    <message>
        <source>Ketik minimal {count} huruf nama</source>
        <translation>Type at least {count} letters of the name</translation>
    </message>
</context>
<context>
    <name>database</name>
    <message>
        <source>Database {db_path} dibuat oleh versi Simoncer yang lebih baru (skema {current}; versi {version} ini mengenal sampai {head}). Perbarui aplikasi; database tidak diubah.</source>
        <translation>Database {db_path} was made by a newer version of Simoncer (schema {current}; this version {version} knows up to {head}). Update the application; the database was not changed.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Baris {row}: {message}</source>
        <translation>Row {row}: {message}</translation>
    </message>
    <message>
        <source>Terjadi kesalahan</source>
        <translation>An error occurred</translation>
    </message>
    <message>
        <source>Terjadi kesalahan yang tidak terduga. Rincian sudah dicatat di log.</source>
        <translation>An unexpected error occurred. The details have been written to the log.</translation>
    </message>
</context>
<context>
    <name>identity</name>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>No. KK</source>
        <translation>No. KK</translation>
    </message>
    <message>
        <source>{field}: wajib diisi</source>
        <translation>{field}: required</translation>
    </message>
    <message>
        <source>{field}: hanya boleh berisi angka (ada karakter &apos;{bad}&apos;)</source>
        <translation>{field}: may contain digits only (found the character &apos;{bad}&apos;)</translation>
    </message>
    <message>
        <source>{field}: harus {length} digit (tertulis {count} digit)</source>
        <translation>{field}: must be {length} digits (entered: {count} digits)</translation>
    </message>
    <message>
        <source>{field}: kode wilayah {code} bukan kode kecamatan yang terdaftar</source>
        <translation>{field}: area code {code} is not a registered sub-district code</translation>
    </message>
    <message>
        <source>{field}: nomor urut 0000 tidak valid (mulai dari 0001)</source>
        <translation>{field}: serial number 0000 is not valid (they start at 0001)</translation>
    </message>
    <message>
        <source>{field}: angka tanggal {day} tidak valid (1–31 untuk laki-laki, 41–71 untuk perempuan)</source>
        <translation>{field}: day number {day} is not valid (1–31 for males, 41–71 for females)</translation>
    </message>
    <message>
        <source>{field}: tanggal lahir {day} tidak valid</source>
        <translation>{field}: date of birth {day} is not valid</translation>
    </message>
    <message>
        <source>{field}: tanggal +40 menandakan perempuan, tetapi jenis kelamin laki-laki</source>
        <translation>{field}: the day +40 means female, but the sex is male</translation>
    </message>
    <message>
        <source>{field}: tanggal tanpa +40 menandakan laki-laki, tetapi jenis kelamin perempuan</source>
        <translation>{field}: the day without +40 means male, but the sex is female</translation>
    </message>
    <message>
        <source>{field}: tanggal lahir di NIK ({in_nik}) tidak sama dengan tanggal lahir {born}</source>
        <translation>{field}: the date of birth in the NIK ({in_nik}) differs from the date of birth {born}</translation>
    </message>
    <message>
        <source>{field}: tanggal {day} tidak valid</source>
        <translation>{field}: date {day} is not valid</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <source>{count} anggota tersimpan tidak ada di berkas; mereka tetap disimpan tanpa perubahan</source>
        <translation>{count} stored members are not in the file; they are kept unchanged</translation>
    </message>
    <message>
        <source>baris {row} (No. KK {no_kk})</source>
        <translation>row {row} (No. KK {no_kk})</translation>
    </message>
    <message>
        <source>NIK yang sama juga ada di {places}</source>
        <translation>The same NIK is also in {places}</translation>
    </message>
    <message>
        <source>anggota baru {name} ({nik})</source>
        <translation>new member {name} ({nik})</translation>
    </message>
    <message>
        <source>{name} ({nik}) pindah dari No. KK {no_kk}</source>
        <translation>{name} ({nik}) moves from No. KK {no_kk}</translation>
    </message>
    <message>
        <source>NIK sudah terdaftar atas nama {name} di keluarga No. KK {no_kk} (pengurus: {recipient})</source>
        <translation>NIK already registered to {name} in the family with No. KK {no_kk} (recipient: {recipient})</translation>
    </message>
    <message>
        <source>{name}: {column} {old} → {new}</source>
        <translation>{name}: {column} {old} → {new}</translation>
    </message>
    <message>
        <source>{column} {old} → {new}</source>
        <translation>{column} {old} → {new}</translation>
    </message>
    <message>
        <source>{name}: bukan pengurus lagi</source>
        <translation>{name}: no longer the recipient</translation>
    </message>
    <message>
        <source>(kosong)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>kolom {column} (&apos;{value}&apos;)</source>
        <translation>column {column} (&apos;{value}&apos;)</translation>
    </message>
    <message>
        <source>kolom {column}</source>
        <translation>column {column}</translation>
    </message>
    <message>
        <source>Baris {row}, {column}: {message}</source>
        <translation>Row {row}, {column}: {message}</translation>
    </message>
    <message>
        <source>Baris {row}: {message}</source>
        <translation>Row {row}: {message}</translation>
    </message>
    <message>
        <source>{column}: {message}</source>
        <translation>{column}: {message}</translation>
    </message>
    <message>
        <source>No. KK {no_kk}: {problem}</source>
        <translation>No. KK {no_kk}: {problem}</translation>
    </message>
    <message>
        <source>Keluarga ditolak: {reason}</source>
        <translation>Family rejected: {reason}</translation>
    </message>
    <message>
        <source>Keluarga ditolak karena baris lain keluarga ini bermasalah</source>
        <translation>Family rejected because another row of this family has a problem</translation>
    </message>
    <message>
        <source>Diperbarui: {changes}</source>
        <translation>Updated: {changes}</translation>
    </message>
    <message>
        <source>Diperbaiki: {fix}</source>
        <translation>Corrected: {fix}</translation>
    </message>
    <message>
        <source>{names} dan {more} lainnya</source>
        <translation>{names} and {more} more</translation>
    </message>
    <message>
        <source>Berkas: {file} (lembar {sheet}, judul kolom di baris {row})</source>
        <translation>File: {file} (sheet {sheet}, column titles in row {row})</translation>
    </message>
    <message>
        <source>Baris data: {rows}; baris kosong dilewati: {blank}</source>
        <translation>Data rows: {rows}; blank rows skipped: {blank}</translation>
    </message>
    <message>
        <source>Keluarga baru: {count}</source>
        <translation>New families: {count}</translation>
    </message>
    <message>
        <source>Keluarga diperbarui: {count}</source>
        <translation>Families updated: {count}</translation>
    </message>
    <message>
        <source>Keluarga tidak berubah: {count}</source>
        <translation>Families unchanged: {count}</translation>
    </message>
    <message>
        <source>Keluarga ditolak: {count}</source>
        <translation>Families rejected: {count}</translation>
    </message>
    <message>
        <source>Baris dengan perbaikan otomatis: {count}</source>
        <translation>Rows corrected automatically: {count}</translation>
    </message>
    <message>
        <source>Pendamping baru: {names}</source>
        <translation>New facilitators: {names}</translation>
    </message>
    <message>
        <source>Kolom tidak dikenal (diabaikan): {columns}</source>
        <translation>Unknown columns (ignored): {columns}</translation>
    </message>
    <message>
        <source>Berkas {name} kosong: tidak ada baris judul kolom maupun data</source>
        <translation>File {name} is empty: no column title row and no data</translation>
    </message>
    <message>
        <source>Judul kolom tidak dikenali di {rows} baris pertama lembar &apos;{sheet}&apos;. Baris judul harus memuat kolom {expected} (lihat templat: simoncer-cli template caseload).</source>
        <translation>No column titles recognised in the first {rows} rows of sheet &apos;{sheet}&apos;. The title row must contain the columns {expected} (see the template: simoncer-cli template caseload).</translation>
    </message>
    <message>
        <source>KODE_KELURAHAN atau KELURAHAN</source>
        <translation>KODE_KELURAHAN or KELURAHAN</translation>
    </message>
    <message>
        <source>Baris judul (baris {row}) tidak memuat kolom wajib: {columns}</source>
        <translation>The title row (row {row}) lacks required columns: {columns}</translation>
    </message>
    <message>
        <source>wilayah mana pun</source>
        <translation>any area</translation>
    </message>
    <message>
        <source>kode kelurahan {code} tidak ada di {region}</source>
        <translation>village code {code} is not in {region}</translation>
    </message>
    <message>
        <source>kelurahan wajib diisi (KODE_KELURAHAN atau KELURAHAN)</source>
        <translation>the village is required (KODE_KELURAHAN or KELURAHAN)</translation>
    </message>
    <message>
        <source>kelurahan &apos;{name}&apos; ada di beberapa kecamatan: {places}; isi KECAMATAN atau kodenya</source>
        <translation>village &apos;{name}&apos; exists in several sub-districts: {places}; fill in KECAMATAN or the village code</translation>
    </message>
    <message>
        <source>kelurahan &apos;{name}&apos; tidak ditemukan di {region}; mungkin maksudnya: {names}</source>
        <translation>village &apos;{name}&apos; not found in {region}; perhaps you meant: {names}</translation>
    </message>
    <message>
        <source>kelurahan &apos;{name}&apos; tidak ditemukan di {region}</source>
        <translation>village &apos;{name}&apos; not found in {region}</translation>
    </message>
    <message>
        <source>sel berisi rumus tanpa hasil tersimpan; salin lalu tempel sebagai nilai</source>
        <translation>the cell holds a formula without a stored result; copy it and paste it as values</translation>
    </message>
    <message>
        <source>kolom {column} berisi rumus; hasilnya ({value}) yang dipakai</source>
        <translation>column {column} holds a formula; its result ({value}) was used</translation>
    </message>
    <message>
        <source>No. KK wajib diisi (16 digit)</source>
        <translation>No. KK is required (16 digits)</translation>
    </message>
    <message>
        <source>L atau P</source>
        <translation>L or P</translation>
    </message>
    <message>
        <source>HIDUP atau MENINGGAL</source>
        <translation>HIDUP or MENINGGAL</translation>
    </message>
    <message>
        <source>Nama wajib diisi</source>
        <translation>Name is required</translation>
    </message>
    <message>
        <source>NIK wajib diisi (16 digit)</source>
        <translation>NIK is required (16 digits)</translation>
    </message>
    <message>
        <source>{label} wajib diisi</source>
        <translation>{label} is required</translation>
    </message>
    <message>
        <source>keluarga tanpa pengurus: isi Y pada tepat satu anggota</source>
        <translation>family without a recipient: put Y on exactly one member</translation>
    </message>
    <message>
        <source>keluarga punya {count} pengurus (baris {rows}); hanya satu yang boleh Y</source>
        <translation>the family has {count} recipients (rows {rows}); only one may be Y</translation>
    </message>
    <message>
        <source>NIK sama dengan baris {row} di keluarga ini</source>
        <translation>NIK is the same as row {row} in this family</translation>
    </message>
    <message>
        <source>berbeda dengan baris {row} (&apos;{value}&apos;) di keluarga yang sama</source>
        <translation>differs from row {row} (&apos;{value}&apos;) in the same family</translation>
    </message>
    <message>
        <source>No. KK</source>
        <translation>No. KK</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Hubungan</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Tanggal lahir</source>
        <translation>Date of birth</translation>
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
        <source>Sekolah</source>
        <translation>In school</translation>
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
        <source>Status hidup</source>
        <translation>Living status</translation>
    </message>
    <message>
        <source>Tanggal meninggal</source>
        <translation>Date of death</translation>
    </message>
    <message>
        <source>Desil</source>
        <translation>Decile</translation>
    </message>
    <message>
        <source>Berkas {path} tidak ditemukan</source>
        <translation>File {path} not found</translation>
    </message>
    <message>
        <source>Berkas {name} kosong (0 byte)</source>
        <translation>File {name} is empty (0 bytes)</translation>
    </message>
    <message>
        <source>Berkas {name} dilindungi kata sandi. Buka di Excel, hapus kata sandinya (File → Info → Protect Workbook → Encrypt with Password), simpan, lalu impor lagi.</source>
        <translation>File {name} is password protected. Open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password), save, then import again.</translation>
    </message>
    <message>
        <source>Berkas {name} berformat Excel lama (.xls). Buka di Excel dan simpan sebagai .xlsx, lalu impor lagi.</source>
        <translation>File {name} is in the old Excel format (.xls). Open it in Excel and save it as .xlsx, then import again.</translation>
    </message>
    <message>
        <source>Berkas {name} bukan berkas .xlsx yang sah (isinya rusak atau bukan spreadsheet)</source>
        <translation>File {name} is not a valid .xlsx file (its contents are damaged or it is not a spreadsheet)</translation>
    </message>
    <message>
        <source>Berkas {name} bukan spreadsheet: gunakan .xlsx atau .csv</source>
        <translation>File {name} is not a spreadsheet: use .xlsx or .csv</translation>
    </message>
    <message>
        <source>Berkas {name} tidak berisi lembar kerja</source>
        <translation>File {name} contains no worksheet</translation>
    </message>
    <message>
        <source>Berkas {name} tidak dapat dibaca sebagai .xlsx: {error}</source>
        <translation>File {name} cannot be read as .xlsx: {error}</translation>
    </message>
    <message>
        <source>Isi berkas {name} rusak dan tidak dapat dibaca: {error}</source>
        <translation>The contents of file {name} are damaged and cannot be read: {error}</translation>
    </message>
    <message>
        <source>Berkas {name} bukan teks CSV (berisi data biner)</source>
        <translation>File {name} is not CSV text (it contains binary data)</translation>
    </message>
    <message>
        <source>Berkas CSV dibaca sebagai Windows-1252 (bukan UTF-8)</source>
        <translation>The CSV file was read as Windows-1252 (not UTF-8)</translation>
    </message>
    <message>
        <source>Baris {rows}: kelurahan {code} di luar wilayah kerja Anda ({scope}); {count} keluarga di luar wilayah, tidak ada yang diimpor.</source>
        <translation>Rows {rows}: village {code} is outside your work area ({scope}); {count} families are outside the area, nothing was imported.</translation>
    </message>
</context>
<context>
    <name>security</name>
    <message>
        <source>Berkas database {path} belum terenkripsi (dibuat sebelum versi ini) dan harus dienkripsi dulu melalui penyiapan awal.</source>
        <translation>Database file {path} is not encrypted yet (made before this version) and must first be encrypted through the initial setup.</translation>
    </message>
    <message>
        <source>Berkas database {path} tidak dapat dibuka: kunci salah atau berkas bukan database Simoncer.</source>
        <translation>Database file {path} cannot be opened: wrong key, or the file is not a Simoncer database.</translation>
    </message>
    <message>
        <source>Berkas database {path} tidak ditemukan.</source>
        <translation>Database file {path} not found.</translation>
    </message>
    <message>
        <source>Berkas database {path} sudah terenkripsi.</source>
        <translation>Database file {path} is already encrypted.</translation>
    </message>
    <message>
        <source>Kunci data tidak sah (harus 32 byte); berkas tidak dapat dienkripsi atau dibuka.</source>
        <translation>Invalid data key (it must be 32 bytes); the file cannot be encrypted or opened.</translation>
    </message>
    <message>
        <source>Berkas ini bukan berkas terenkripsi Simoncer.</source>
        <translation>This file is not a Simoncer encrypted file.</translation>
    </message>
    <message>
        <source>Berkas terenkripsi terpotong atau rusak.</source>
        <translation>The encrypted file is truncated or damaged.</translation>
    </message>
    <message>
        <source>Berkas terenkripsi tidak dapat dibuka: kuncinya berbeda (berkas dari database lain) atau berkas rusak/telah diubah.</source>
        <translation>The encrypted file cannot be opened: the key differs (a file from another database) or the file is damaged/was changed.</translation>
    </message>
    <message>
        <source>Akun &apos;{username}&apos; belum pernah masuk di laptop ini. Laptop harus terhubung dan bersinkronisasi dengan server kantor Dinsos lebih dulu (oleh pengguna yang sudah dapat masuk di sini) agar kata sandi akun ini ikut terbawa, atau minta administrator mengatur ulang kata sandinya di laptop ini.</source>
        <translation>Account &apos;{username}&apos; has never signed in on this laptop. The laptop must first connect and sync with the Dinsos office server (by a user who can already sign in here) so that this account&apos;s password comes along, or ask the administrator to reset its password on this laptop.</translation>
    </message>
    <message>
        <source>Kunci pemulihan salah.</source>
        <translation>Wrong recovery key.</translation>
    </message>
    <message>
        <source>Kunci pemulihan harus {expected} huruf/angka (tanpa tanda minus); tertulis {count}.</source>
        <translation>The recovery key must be {expected} letters/digits (without hyphens); entered: {count}.</translation>
    </message>
    <message>
        <source>Kunci pemulihan hanya berisi huruf A–Z dan angka 2–7.</source>
        <translation>The recovery key contains only the letters A–Z and the digits 2–7.</translation>
    </message>
    <message>
        <source>Berkas kunci {path} tidak ditemukan: database tidak dapat dibuka tanpanya.</source>
        <translation>Key file {path} not found: the database cannot be opened without it.</translation>
    </message>
    <message>
        <source>Berkas kunci {path} tidak dapat dibaca (rusak): {exc}</source>
        <translation>Key file {path} cannot be read (damaged): {exc}</translation>
    </message>
    <message>
        <source>Berkas kunci {path} rusak atau bukan berkas kunci Simoncer ({exc}).</source>
        <translation>Key file {path} is damaged or not a Simoncer key file ({exc}).</translation>
    </message>
    <message>
        <source>Akun &apos;{name}&apos; terkunci karena terlalu banyak percobaan. Coba lagi {minutes} menit lagi.</source>
        <translation>Account &apos;{name}&apos; is locked after too many attempts. Try again in {minutes} minutes.</translation>
    </message>
    <message>
        <source>{wrong} Akun &apos;{name}&apos; dikunci selama {minutes} menit.</source>
        <translation>{wrong} Account &apos;{name}&apos; is locked for {minutes} minutes.</translation>
    </message>
    <message>
        <source>{wrong} Sisa {count} kali percobaan.</source>
        <translation>{wrong} {count} attempts left.</translation>
    </message>
    <message>
        <source>Berkas kunci {path} tidak memuat kunci pemulihan.</source>
        <translation>Key file {path} holds no recovery key.</translation>
    </message>
    <message>
        <source>Wilayah perangkat (scope) dari server kosong.</source>
        <translation>The device area (scope) from the server is empty.</translation>
    </message>
    <message>
        <source>Berkas kunci {key_path} sudah ada; pindahkan dulu bila memang tidak dipakai.</source>
        <translation>Key file {key_path} already exists; move it away first if it is really not in use.</translation>
    </message>
    <message>
        <source>Berkas database {path} sudah ada; pilih nama lain atau masuk dengan akun yang ada.</source>
        <translation>Database file {path} already exists; choose another name or sign in with an existing account.</translation>
    </message>
    <message>
        <source>Berkas kunci {path} sudah ada; pindahkan dulu bila tidak dipakai.</source>
        <translation>Key file {path} already exists; move it away first if it is not in use.</translation>
    </message>
    <message>
        <source>&apos;{region_code}&apos; bukan kode kabupaten/kota yang terdaftar.</source>
        <translation>&apos;{region_code}&apos; is not a registered regency/city code.</translation>
    </message>
    <message>
        <source>Kecamatan &apos;{scope}&apos; tidak terdaftar di {name} ({region_code}).</source>
        <translation>Sub-district &apos;{scope}&apos; is not registered in {name} ({region_code}).</translation>
    </message>
    <message>
        <source>Database ini sudah punya pengguna; &apos;{username}&apos; bukan administrator aktif di dalamnya.</source>
        <translation>This database already has users; &apos;{username}&apos; is not an active administrator in it.</translation>
    </message>
    <message>
        <source>Akun &apos;{name}&apos; tidak terdaftar di database ini.</source>
        <translation>Account &apos;{name}&apos; is not registered in this database.</translation>
    </message>
    <message>
        <source>Akun &apos;{name}&apos; sudah dinonaktifkan. Hubungi administrator.</source>
        <translation>Account &apos;{name}&apos; has been deactivated. Contact the administrator.</translation>
    </message>
    <message>
        <source>Kunci pemulihan hanya untuk akun administrator; &apos;{name}&apos; bukan administrator.</source>
        <translation>The recovery key is only for administrator accounts; &apos;{name}&apos; is not an administrator.</translation>
    </message>
    <message>
        <source>Kata sandi hanya dapat diganti oleh pemilik akun sendiri.</source>
        <translation>A password can only be changed by the account&apos;s owner.</translation>
    </message>
</context>
<context>
    <name>sheet</name>
    <message>
        <source>berisi nilai benar/salah, bukan {label}</source>
        <translation>holds a true/false value, not a {label}</translation>
    </message>
    <message>
        <source>{label} tersimpan sebagai angka pecahan; format kolom sebagai Teks lalu ketik ulang</source>
        <translation>{label} is stored as a decimal number; format the column as Text, then type it again</translation>
    </message>
    <message>
        <source>{label} tersimpan sebagai angka: Excel hanya menyimpan 15 digit, sehingga digit terakhir hilang ({digits}). Format kolom {label} sebagai Teks lalu ketik ulang nomornya dari dokumen aslinya</source>
        <translation>{label} is stored as a number: Excel keeps only 15 digits, so the last digit was lost ({digits}). Format the {label} column as Text, then type the number again from the original document</translation>
    </message>
    <message>
        <source>{label} tersimpan sebagai angka; dibaca sebagai teks {digits} (sebaiknya format kolom Teks)</source>
        <translation>{label} is stored as a number; read as the text {digits} (better format the column as Text)</translation>
    </message>
    <message>
        <source>{label} tertulis dalam notasi ilmiah ({value}): digitnya hilang saat disimpan dari Excel. Format kolom {label} sebagai Teks lalu ketik ulang</source>
        <translation>{label} is written in scientific notation ({value}): its digits were lost when saved from Excel. Format the {label} column as Text, then type it again</translation>
    </message>
    <message>
        <source>{label} &apos;{raw}&apos; dibaca sebagai {cleaned}</source>
        <translation>{label} &apos;{raw}&apos; read as {cleaned}</translation>
    </message>
    <message>
        <source>{label}: berisi nilai benar/salah, bukan tanggal</source>
        <translation>{label}: holds a true/false value, not a date</translation>
    </message>
    <message>
        <source>{label}: angka {number} bukan tanggal</source>
        <translation>{label}: the number {number} is not a date</translation>
    </message>
    <message>
        <source>{label}: angka tanggal Excel {number} dibaca sebagai {day}</source>
        <translation>{label}: Excel date number {number} read as {day}</translation>
    </message>
    <message>
        <source>{label}: &apos;{raw}&apos; bukan tanggal (tulis DD-MM-YYYY, mis. 17-08-1985)</source>
        <translation>{label}: &apos;{raw}&apos; is not a date (write DD-MM-YYYY, e.g. 17-08-1985)</translation>
    </message>
    <message>
        <source>{label}: tanggal {raw} tidak ada di kalender</source>
        <translation>{label}: the date {raw} does not exist in the calendar</translation>
    </message>
    <message>
        <source>{label}: &apos;{value}&apos; harus Y atau T</source>
        <translation>{label}: &apos;{value}&apos; must be Y or T</translation>
    </message>
    <message>
        <source>{label}: &apos;{value}&apos; harus bilangan bulat {low}–{high}</source>
        <translation>{label}: &apos;{value}&apos; must be a whole number {low}–{high}</translation>
    </message>
    <message>
        <source>{label}: &apos;{value}&apos; tidak dikenal (pilih {options})</source>
        <translation>{label}: &apos;{value}&apos; is not recognised (choose {options})</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <source>Alamat server &apos;{raw}&apos; tidak valid: tulis lengkap, mis. https://sinkron.dinsos.example.go.id</source>
        <translation>Server address &apos;{raw}&apos; is not valid: write it in full, e.g. https://sinkron.dinsos.example.go.id</translation>
    </message>
    <message>
        <source>Alamat server &apos;{raw}&apos; memakai http:// tanpa enkripsi; gunakan https:// (token perangkat tidak boleh dikirim tanpa TLS).</source>
        <translation>Server address &apos;{raw}&apos; uses http:// without encryption; use https:// (the device token must not be sent without TLS).</translation>
    </message>
    <message>
        <source>Alamat server &apos;{raw}&apos; tidak boleh memuat &apos;?&apos; atau &apos;#&apos;.</source>
        <translation>Server address &apos;{raw}&apos; must not contain &apos;?&apos; or &apos;#&apos;.</translation>
    </message>
    <message>
        <source>Berkas sertifikat CA {path} tidak ditemukan.</source>
        <translation>CA certificate file {path} not found.</translation>
    </message>
    <message>
        <source>Berkas sertifikat CA {path} tidak dapat dibaca sebagai PEM: {exc}</source>
        <translation>CA certificate file {path} cannot be read as PEM: {exc}</translation>
    </message>
    <message>
        <source>Jawaban pendaftaran dari server tidak lengkap ({exc}).</source>
        <translation>The server&apos;s enrolment answer is incomplete ({exc}).</translation>
    </message>
    <message>
        <source>Jawaban server bukan objek JSON.</source>
        <translation>The server&apos;s answer is not a JSON object.</translation>
    </message>
    <message>
        <source>Jawaban push dari server tidak sesuai protokol ({exc!r}).</source>
        <translation>The server&apos;s push answer does not follow the protocol ({exc!r}).</translation>
    </message>
    <message>
        <source>Jawaban pull dari server tidak sesuai protokol ({exc!r}).</source>
        <translation>The server&apos;s pull answer does not follow the protocol ({exc!r}).</translation>
    </message>
    <message>
        <source>Jawaban snapshot dari server tidak sesuai protokol ({exc!r}).</source>
        <translation>The server&apos;s snapshot answer does not follow the protocol ({exc!r}).</translation>
    </message>
    <message>
        <source>Perangkat ini belum terdaftar di server: jalankan sinkronisasi dengan --enroll KODE.</source>
        <translation>This device is not enrolled with the server yet: run sync with --enroll CODE.</translation>
    </message>
    <message>
        <source>Koneksi ke server {server_url} terputus sebelum jawaban diterima ({reason}).</source>
        <translation>The connection to server {server_url} was lost before the answer arrived ({reason}).</translation>
    </message>
    <message>
        <source>Server {server_url} sedang bermasalah ({failure}); coba lagi nanti.</source>
        <translation>Server {server_url} is having problems ({failure}); try again later.</translation>
    </message>
    <message>
        <source>Server tidak dapat dihubungi ({server_url}): {failure}</source>
        <translation>The server cannot be reached ({server_url}): {failure}</translation>
    </message>
    <message>
        <source>Sertifikat server {server_url} tidak dapat diverifikasi ({exc}). Bila kantor memakai sertifikat sendiri, berikan berkas CA-nya dengan --ca-file.</source>
        <translation>The certificate of server {server_url} cannot be verified ({exc}). If the office uses its own certificate, give its CA file with --ca-file.</translation>
    </message>
    <message>
        <source>Jawaban server rusak (gzip): {exc}</source>
        <translation>The server&apos;s answer is damaged (gzip): {exc}</translation>
    </message>
    <message>
        <source>Jawaban server terlalu besar.</source>
        <translation>The server&apos;s answer is too large.</translation>
    </message>
    <message>
        <source>Jawaban server bukan objek JSON (HTTP {status}).</source>
        <translation>The server&apos;s answer is not a JSON object (HTTP {status}).</translation>
    </message>
    <message>
        <source>Jawaban daftar konflik dari server tidak sesuai protokol.</source>
        <translation>The server&apos;s conflict list answer does not follow the protocol.</translation>
    </message>
    <message>
        <source>waktu tunggu habis</source>
        <translation>timed out</translation>
    </message>
    <message>
        <source>koneksi ditolak</source>
        <translation>connection refused</translation>
    </message>
    <message>
        <source>tanpa keterangan</source>
        <translation>no details</translation>
    </message>
    <message>
        <source>Sinkronisasi dibatalkan; yang sudah terkirim tetap tersimpan.</source>
        <translation>Sync cancelled; what was already sent stays saved.</translation>
    </message>
    <message>
        <source>&apos;Ekspor antrean…&apos; di halaman Sinkronisasi atau: simoncer-cli sync --db BERKAS --export-outbox BERKAS.json.gz</source>
        <translation>&apos;Export queue…&apos; on the Sync page or: simoncer-cli sync --db FILE --export-outbox FILE.json.gz</translation>
    </message>
    <message>
        <source>Aplikasi terlalu lama untuk server ini (skema {schema}, minimal {minimum}): perbarui aplikasi. Perubahan yang belum terkirim tetap tersimpan; ekspor dengan {hint} lalu serahkan berkasnya ke kantor Dinsos.</source>
        <translation>The application is too old for this server (schema {schema}, at least {minimum}): update the application. Changes not yet sent stay saved; export them with {hint} and hand the file to the Dinsos office.</translation>
    </message>
    <message>
        <source>Aplikasi terlalu lama untuk server ini (skema {schema}): perbarui aplikasi. Perubahan yang belum terkirim tetap tersimpan; ekspor dengan {hint} lalu serahkan berkasnya ke kantor Dinsos.</source>
        <translation>The application is too old for this server (schema {schema}): update the application. Changes not yet sent stay saved; export them with {hint} and hand the file to the Dinsos office.</translation>
    </message>
    <message>
        <source>Server mengganti titik snapshot ({seq} → {snapshot_seq}); sinkronisasi dihentikan.</source>
        <translation>The server changed the snapshot point ({seq} → {snapshot_seq}); sync stopped.</translation>
    </message>
    <message>
        <source>Server mengulang halaman snapshot yang sama; sinkronisasi dihentikan.</source>
        <translation>The server repeated the same snapshot page; sync stopped.</translation>
    </message>
    <message>
        <source>Server mengulang halaman yang sama (kursor {cursor}); sinkronisasi dihentikan.</source>
        <translation>The server repeated the same page (cursor {cursor}); sync stopped.</translation>
    </message>
    <message>
        <source>Jam laptop ini selisih {duration} (lebih cepat) dari server; perbaiki jam Windows/Linux. Sampai diperbaiki, perubahan dicap dengan waktu server.</source>
        <translation>This laptop&apos;s clock is {duration} ahead of the server; correct the Windows/Linux clock. Until it is corrected, changes are stamped with the server&apos;s time.</translation>
    </message>
    <message>
        <source>Jam laptop ini selisih {duration} (lebih lambat) dari server; perbaiki jam Windows/Linux. Sampai diperbaiki, perubahan dicap dengan waktu server.</source>
        <translation>This laptop&apos;s clock is {duration} behind the server; correct the Windows/Linux clock. Until it is corrected, changes are stamped with the server&apos;s time.</translation>
    </message>
    <message>
        <source>{hours} jam {minutes} menit</source>
        <translation>{hours} h {minutes} min</translation>
    </message>
    <message>
        <source>{hours} jam</source>
        <translation>{hours} h</translation>
    </message>
    <message>
        <source>{minutes} menit</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>Revisi skema database &apos;{revision}&apos; bukan nomor migrasi.</source>
        <translation>Database schema revision &apos;{revision}&apos; is not a migration number.</translation>
    </message>
    <message>
        <source>Kode pendaftaran kosong: masukkan kode sekali pakai dari kantor Dinsos.</source>
        <translation>The enrolment code is empty: enter the one-time code from the Dinsos office.</translation>
    </message>
    <message>
        <source>Nama perangkat kosong: beri nama, mis. &apos;Laptop Kec. Bogor Selatan&apos;.</source>
        <translation>The device name is empty: give it a name, e.g. &apos;Laptop Kec. Bogor Selatan&apos;.</translation>
    </message>
    <message>
        <source>{target} adalah folder; sebutkan nama berkas, mis. {example}.</source>
        <translation>{target} is a folder; give a file name, e.g. {example}.</translation>
    </message>
    <message>
        <source>Folder {parent} tidak ada; berkas antrean tidak dapat ditulis ke {target}.</source>
        <translation>Folder {parent} does not exist; the queue file cannot be written to {target}.</translation>
    </message>
    <message>
        <source>Berkas antrean tidak dapat ditulis ke {target}: {reason}.</source>
        <translation>The queue file cannot be written to {target}: {reason}.</translation>
    </message>
    <message>
        <source>Folder {folder} tidak dapat dibuat ({reason}): database baru tidak dapat dibuat.</source>
        <translation>Folder {folder} cannot be created ({reason}): the new database cannot be created.</translation>
    </message>
    <message>
        <source>Folder {folder} tidak dapat ditulisi: database baru tidak dapat dibuat.</source>
        <translation>Folder {folder} cannot be written to: the new database cannot be created.</translation>
    </message>
    <message>
        <source>Perangkat sudah terdaftar di server, tetapi database {path} tidak dapat dibuat ({exc}). Kode itu sudah terpakai: minta kode pendaftaran baru ke kantor Dinsos.</source>
        <translation>The device is enrolled with the server, but database {path} cannot be created ({exc}). That code is now used up: ask the Dinsos office for a new enrolment code.</translation>
    </message>
    <message>
        <source>Pendaftaran tidak dapat disimpan di database baru ({exc}); database dihapus lagi. Kode itu sudah terpakai: minta kode pendaftaran baru ke kantor Dinsos.</source>
        <translation>The enrolment cannot be saved in the new database ({exc}); the database was removed again. That code is now used up: ask the Dinsos office for a new enrolment code.</translation>
    </message>
    <message>
        <source>Database ini belum terdaftar di server pusat.</source>
        <translation>This database is not enrolled with the central server yet.</translation>
    </message>
    <message>
        <source>Server belum mengirim satu pun akun pengguna untuk laptop ini, jadi belum ada yang dapat masuk. Minta administrator kantor Dinsos membuat akun untuk wilayah ini dan menyinkronkannya, lalu jalankan sinkronisasi lagi.</source>
        <translation>The server has not sent any user account for this laptop yet, so nobody can sign in. Ask the Dinsos office administrator to create accounts for this area and sync them, then run sync again.</translation>
    </message>
    <message>
        <source>HLC tidak valid: {hlc!r}</source>
        <translation>Invalid HLC: {hlc!r}</translation>
    </message>
    <message>
        <source>tabel tidak dikenal versi ini</source>
        <translation>table unknown to this version</translation>
    </message>
</context>
</TS>
