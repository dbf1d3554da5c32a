<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AuditPage</name>
    <message>
        <source>Jejak Audit</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>Semua pengguna</source>
        <translation>All users</translation>
    </message>
    <message>
        <source>Semua data</source>
        <translation>All data</translation>
    </message>
    <message>
        <source>Semua aksi</source>
        <translation>All actions</translation>
    </message>
    <message>
        <source>Cari di nilai lama/baru, catatan atau ID…</source>
        <translation>Search old/new values, notes or IDs…</translation>
    </message>
    <message>
        <source>&amp;Cari</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>&amp;Kosongkan filter</source>
        <translation>&amp;Clear filters</translation>
    </message>
    <message>
        <source>&amp;Ekspor Excel…</source>
        <translation>&amp;Export to Excel…</translation>
    </message>
    <message>
        <source>Tulis semua entri yang cocok ke berkas .xlsx (Ctrl+E)</source>
        <translation>Write all matching entries to an .xlsx file (Ctrl+E)</translation>
    </message>
    <message>
        <source>&amp;Pengguna</source>
        <translation>&amp;User</translation>
    </message>
    <message>
        <source>&amp;Jenis data</source>
        <translation>Data t&amp;ype</translation>
    </message>
    <message>
        <source>&amp;Aksi</source>
        <translation>&amp;Action</translation>
    </message>
    <message>
        <source>&amp;Dari</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <source>&amp;Sampai</source>
        <translation>&amp;To</translation>
    </message>
    <message>
        <source>&amp;Teks</source>
        <translation>Te&amp;xt</translation>
    </message>
    <message>
        <source>Pilih satu entri untuk melihat nilai lama dan baru selengkapnya.</source>
        <translation>Select an entry to see its old and new values in full.</translation>
    </message>
    <message>
        <source>%s entri, terbaru di atas</source>
        <translation>%s entries, newest first</translation>
    </message>
    <message>
        <source>Tidak ada entri yang cocok.</source>
        <translation>No matching entries.</translation>
    </message>
    <message>
        <source>Simpan jejak audit</source>
        <translation>Save audit trail</translation>
    </message>
    <message>
        <source>%s entri jejak audit disimpan ke %s</source>
        <translation>%s audit trail entries saved to %s</translation>
    </message>
    <message>
        <source>Ekspor dibatalkan; tidak ada berkas yang ditulis.</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
    <message>
        <source>Menulis jejak audit…</source>
        <translation>Writing audit trail…</translation>
    </message>
</context>
<context>
    <name>CaseloadExportActions</name>
    <message>
        <source>Ekspor…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Simpan keluarga yang tampil (pencarian dan filter saat ini) ke berkas Excel</source>
        <translation>Save the listed families (current search and filters) to an Excel file</translation>
    </message>
    <message>
        <source>Templat…</source>
        <translation>Template…</translation>
    </message>
    <message>
        <source>Simpan templat Excel kosong (kolom, catatan, dan daftar pilihan) untuk diisi lalu diimpor</source>
        <translation>Save an empty Excel template (columns, notes and choice lists) to fill in and then import</translation>
    </message>
    <message>
        <source>Ekspor keluarga ke Excel</source>
        <translation>Export families to Excel</translation>
    </message>
    <message>
        <source>Ekspor selesai</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <source>%s keluarga (%s baris anggota) disimpan ke
%s</source>
        <translation>%s families (%s member rows) saved to
%s</translation>
    </message>
    <message>
        <source>Ekspor dibatalkan</source>
        <translation>Export cancelled</translation>
    </message>
    <message>
        <source>Ekspor dibatalkan; tidak ada berkas yang ditulis.</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
    <message>
        <source>Mengekspor keluarga ke Excel…</source>
        <translation>Exporting families to Excel…</translation>
    </message>
    <message>
        <source>Simpan templat Excel</source>
        <translation>Save Excel template</translation>
    </message>
    <message>
        <source>Templat disimpan</source>
        <translation>Template saved</translation>
    </message>
    <message>
        <source>Templat disimpan ke
%s

Isi satu baris per anggota keluarga, lalu impor dengan Impor….</source>
        <translation>Template saved to
%s

Fill in one row per family member, then import it with Import….</translation>
    </message>
    <message>
        <source>Menyimpan templat…</source>
        <translation>Saving template…</translation>
    </message>
    <message>
        <source>Gagal menyimpan</source>
        <translation>Could not save</translation>
    </message>
</context>
<context>
    <name>CaseloadFilterBar</name>
    <message>
        <source>Kecamatan</source>
        <translation>Sub-district</translation>
    </message>
    <message>
        <source>Kelurahan (pilih kecamatan dahulu)</source>
        <translation>Village (choose a sub-district first)</translation>
    </message>
    <message>
        <source>Pendamping</source>
        <translation>Facilitator</translation>
    </message>
    <message>
        <source>Status keluarga</source>
        <translation>Family status</translation>
    </message>
    <message>
        <source>Keluarga dengan anggota yang memenuhi komponen ini</source>
        <translation>Families with a member who meets this component</translation>
    </message>
    <message>
        <source>Desil kesejahteraan (DTSEN)</source>
        <translation>Welfare decile (DTSEN)</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>Hapus pencarian dan semua filter</source>
        <translation>Clear the search and all filters</translation>
    </message>
    <message>
        <source>Semua status</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Semua komponen</source>
        <translation>All components</translation>
    </message>
    <message>
        <source>Desil %d</source>
        <translation>Decile %d</translation>
    </message>
    <message>
        <source>Semua desil</source>
        <translation>All deciles</translation>
    </message>
    <message>
        <source>Semua kecamatan</source>
        <translation>All sub-districts</translation>
    </message>
    <message>
        <source>Semua kelurahan</source>
        <translation>All villages</translation>
    </message>
    <message>
        <source>Semua pendamping</source>
        <translation>All facilitators</translation>
    </message>
</context>
<context>
    <name>CaseloadPage</name>
    <message>
        <source>Keluarga</source>
        <translation>Families</translation>
    </message>
    <message>
        <source>Keluarga baru</source>
        <translation>New family</translation>
    </message>
    <message>
        <source>Buka</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Tambah keluarga baru (Ctrl+N)</source>
        <translation>Add a new family (Ctrl+N)</translation>
    </message>
    <message>
        <source>Buka keluarga yang dipilih (Enter)</source>
        <translation>Open the selected family (Enter)</translation>
    </message>
    <message>
        <source>Hapus keluarga yang dipilih (Delete)</source>
        <translation>Delete the selected family (Delete)</translation>
    </message>
    <message>
        <source>Impor…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Impor keluarga dan anggota dari berkas .xlsx atau .csv</source>
        <translation>Import families and members from an .xlsx or .csv file</translation>
    </message>
    <message>
        <source>Cari nama, NIK, atau No. KK…  (Ctrl+F)</source>
        <translation>Search name, NIK or family card no.…  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Cari</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>%s keluarga</source>
        <translation>%s families</translation>
    </message>
    <message>
        <source>Hapus keluarga</source>
        <translation>Delete family</translation>
    </message>
    <message>
        <source>Hapus keluarga %s (No. KK %s) beserta %d anggotanya?

Data ditandai terhapus dan tidak tampil lagi di daftar.</source>
        <translation>Delete the family of %s (No. KK %s) and its %d members?

The data is marked deleted and no longer shown in the list.</translation>
    </message>
    <message>
        <source>Menghapus keluarga…</source>
        <translation>Deleting family…</translation>
    </message>
</context>
<context>
    <name>CohortTab</name>
    <message>
        <source>&amp;Kohort:</source>
        <translation>&amp;Cohort:</translation>
    </message>
    <message>
        <source>Kohort &amp;baru…</source>
        <translation>&amp;New cohort…</translation>
    </message>
    <message>
        <source>Belum ada kohort. Buat dengan Kohort baru…</source>
        <translation>No cohorts yet. Create one with New cohort…</translation>
    </message>
    <message>
        <source>&amp;Daftarkan keluarga…</source>
        <translation>&amp;Enroll family…</translation>
    </message>
    <message>
        <source>&amp;Lulus tahap</source>
        <translation>&amp;Pass stage</translation>
    </message>
    <message>
        <source>Tandai tahap yang sedang dijalani keluarga terpilih sudah lulus</source>
        <translation>Mark the selected family&apos;s current stage as passed</translation>
    </message>
    <message>
        <source>&amp;Rincian tahap…</source>
        <translation>Stage &amp;details…</translation>
    </message>
    <message>
        <source>Tanggal, mitra, keterampilan, hasil dan bantuan usaha satu tahap</source>
        <translation>Dates, partner, skill, outcome and business grant of a stage</translation>
    </message>
    <message>
        <source>&amp;Koreksi tahap…</source>
        <translation>C&amp;orrect stage…</translation>
    </message>
    <message>
        <source>Ubah tahap keluarga terpilih dengan alasan yang dicatat</source>
        <translation>Change the selected family&apos;s stage, with the reason recorded</translation>
    </message>
    <message>
        <source>Keluarkan dari k&amp;ohort…</source>
        <translation>&amp;Withdraw from cohort…</translation>
    </message>
    <message>
        <source>&amp;Sesi baru…</source>
        <translation>New &amp;session…</translation>
    </message>
    <message>
        <source>S&amp;esi:</source>
        <translation>Sess&amp;ion:</translation>
    </message>
    <message>
        <source>&amp;Isi kehadiran…</source>
        <translation>Record &amp;attendance…</translation>
    </message>
    <message>
        <source>Isi kehadiran semua peserta untuk sesi yang dipilih</source>
        <translation>Record attendance of all participants for the selected session</translation>
    </message>
    <message>
        <source>Memuat kohort…</source>
        <translation>Loading cohort…</translation>
    </message>
    <message>
        <source>Kohort %s mulai %s: belum ada keluarga. Tekan Daftarkan keluarga…</source>
        <translation>Cohort %s starting %s: no families yet. Press Enroll family…</translation>
    </message>
    <message>
        <source>%s keluarga; per tahap %s; selesai %s; tertinggal %s. Batas kehadiran %s.</source>
        <translation>%s families; per stage %s; completed %s; falling behind %s. Attendance threshold %s.</translation>
    </message>
    <message>
        <source>Memuat pilihan…</source>
        <translation>Loading choices…</translation>
    </message>
    <message>
        <source>Kohort %s dibuat.</source>
        <translation>Cohort %s created.</translation>
    </message>
    <message>
        <source>Keluarga %s didaftarkan.</source>
        <translation>Family %s enrolled.</translation>
    </message>
    <message>
        <source>Sesi %s disimpan.</source>
        <translation>Session %s saved.</translation>
    </message>
    <message>
        <source>Memuat peserta…</source>
        <translation>Loading participants…</translation>
    </message>
    <message>
        <source>Kehadiran sesi %s disimpan: %s dari %s hadir.</source>
        <translation>Attendance for session %s saved: %s of %s present.</translation>
    </message>
    <message>
        <source>Pilih dulu keluarga di tabel.</source>
        <translation>First select a family in the table.</translation>
    </message>
    <message>
        <source>Lulus tahap</source>
        <translation>Pass stage</translation>
    </message>
    <message>
        <source>Tandai %s (%s) lulus tahap %s. %s per %s?</source>
        <translation>Mark %s (%s) as having passed stage %s. %s as of %s?</translation>
    </message>
    <message>
        <source>%s lulus tahap %s.</source>
        <translation>%s passed stage %s.</translation>
    </message>
    <message>
        <source>Menyimpan kelulusan tahap…</source>
        <translation>Saving stage pass…</translation>
    </message>
    <message>
        <source>Memuat rincian tahap…</source>
        <translation>Loading stage details…</translation>
    </message>
    <message>
        <source>Rincian tahap %s. %s untuk %s disimpan.</source>
        <translation>Details of stage %s. %s for %s saved.</translation>
    </message>
    <message>
        <source>Selesai (semua tahap lulus)</source>
        <translation>Completed (all stages passed)</translation>
    </message>
    <message>
        <source>Koreksi tahap dicatat: %s (%s) kini di tahap %s. %s.</source>
        <translation>Stage correction recorded: %s (%s) is now in stage %s. %s.</translation>
    </message>
    <message>
        <source>%s dikeluarkan dari kohort per %s.</source>
        <translation>%s withdrawn from the cohort as of %s.</translation>
    </message>
</context>
<context>
    <name>ConflictTableModel</name>
    <message>
        <source>Keluarga</source>
        <translation>Family</translation>
    </message>
    <message>
        <source>Tabel / Kolom</source>
        <translation>Table / Column</translation>
    </message>
    <message>
        <source>Nilai menang</source>
        <translation>Winning value</translation>
    </message>
    <message>
        <source>Nilai kalah</source>
        <translation>Losing value</translation>
    </message>
    <message>
        <source>Oleh</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Kapan</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Sebab</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Menang: %s
oleh %s</source>
        <translation>Won: %s
by %s</translation>
    </message>
    <message>
        <source>Kalah: %s
oleh %s</source>
        <translation>Lost: %s
by %s</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <source>Konflik</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Nilai yang kalah saat dua perangkat mengubah data yang sama (kolom Sebab: diubah lebih akhir, tahap lebih lanjut, atau penyaluran ganda). Pertahankan nilai sekarang, atau pulihkan nilai yang kalah (dikirim pada sinkronisasi berikutnya).</source>
        <translation>Values that lost when two devices changed the same data (column Reason: changed later, later stage, or duplicate hand-over). Keep the current value, or restore the losing one (sent with the next sync).</translation>
    </message>
    <message>
        <source>Belum diselesaikan</source>
        <translation>Unresolved</translation>
    </message>
    <message>
        <source>Sudah diselesaikan</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Semua</source>
        <translation>All</translation>
    </message>
    <message>
        <source>&amp;Tampilkan</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <source>&amp;Muat ulang</source>
        <translation>&amp;Reload</translation>
    </message>
    <message>
        <source>Ambil daftar konflik dari server (F5)</source>
        <translation>Fetch the conflict list from the server (F5)</translation>
    </message>
    <message>
        <source>&amp;Pertahankan nilai sekarang</source>
        <translation>&amp;Keep current value</translation>
    </message>
    <message>
        <source>P&amp;ulihkan nilai yang kalah</source>
        <translation>Re&amp;instate losing value</translation>
    </message>
    <message>
        <source>Hanya supervisor dan administrator yang dapat melihat dan menyelesaikan konflik.</source>
        <translation>Only supervisors and administrators can view and resolve conflicts.</translation>
    </message>
    <message>
        <source>Mengambil daftar konflik dari server…</source>
        <translation>Fetching the conflict list from the server…</translation>
    </message>
    <message>
        <source>Tidak ada konflik.</source>
        <translation>No conflicts.</translation>
    </message>
    <message>
        <source>%s konflik, %s terbaru ditampilkan</source>
        <translation>%s conflicts, the newest %s shown</translation>
    </message>
    <message>
        <source>%s konflik, terbaru di atas</source>
        <translation>%s conflicts, newest first</translation>
    </message>
    <message>
        <source>Konflik disimpan di server pusat; halaman ini memerlukan koneksi ke server. Periksa jaringan, lalu tekan Muat ulang.</source>
        <translation>Conflicts are kept on the central server; this page needs a connection to the server. Check the network, then press Reload.</translation>
    </message>
    <message>
        <source>Kesalahan: %s</source>
        <translation>Error: %s</translation>
    </message>
    <message>
        <source>Mencatat keputusan di server…</source>
        <translation>Recording the decision on the server…</translation>
    </message>
    <message>
        <source>Pulihkan nilai yang kalah</source>
        <translation>Reinstate losing value</translation>
    </message>
    <message>
        <source>Pulihkan %s menjadi “%s” (sekarang “%s”) untuk %s?
Perubahan ini dikirim pada sinkronisasi berikutnya.</source>
        <translation>Reinstate %s to “%s” (now “%s”) for %s?
This change is sent with the next sync.</translation>
    </message>
    <message>
        <source>Memulihkan nilai…</source>
        <translation>Reinstating value…</translation>
    </message>
    <message>
        <source>%s dipulihkan menjadi “%s”; dikirim pada sinkronisasi berikutnya.</source>
        <translation>%s reinstated to “%s”; sent with the next sync.</translation>
    </message>
    <message>
        <source>%s: nilai “%s” dipertahankan.</source>
        <translation>%s: value “%s” kept.</translation>
    </message>
</context>
<context>
    <name>DataQualityPage</name>
    <message>
        <source>Kualitas Data</source>
        <translation>Data quality</translation>
    </message>
    <message>
        <source>Buka</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Buka keluarga dari temuan yang dipilih (Enter)</source>
        <translation>Open the family of the selected finding (Enter)</translation>
    </message>
    <message>
        <source>Periksa ulang</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>Periksa seluruh data keluarga sekali lagi (F5)</source>
        <translation>Check all family data once more (F5)</translation>
    </message>
    <message>
        <source>Belum diperiksa.</source>
        <translation>Not checked yet.</translation>
    </message>
    <message>
        <source>Jumlah per jenis masalah</source>
        <translation>Count per problem type</translation>
    </message>
    <message>
        <source>Lihat temuan</source>
        <translation>View findings</translation>
    </message>
    <message>
        <source>Memeriksa seluruh data keluarga…</source>
        <translation>Checking all family data…</translation>
    </message>
    <message>
        <source>Memeriksa kualitas data…</source>
        <translation>Checking data quality…</translation>
    </message>
    <message>
        <source>Diperiksa %s: %s keluarga, %s anggota, %s temuan (%s detik). Pilih jenis masalah di kiri.</source>
        <translation>Checked %s: %s families, %s members, %s findings (%s seconds). Choose a problem type on the left.</translation>
    </message>
    <message>
        <source>Pemeriksaan gagal. Tekan Periksa ulang (F5) untuk mencoba lagi.</source>
        <translation>The check failed. Press Check again (F5) to try again.</translation>
    </message>
    <message>
        <source>Pemeriksaan dibatalkan. Tekan Periksa ulang (F5) untuk memeriksa lagi.</source>
        <translation>Check cancelled. Press Check again (F5) to check again.</translation>
    </message>
    <message>
        <source>Pemeriksaan dibatalkan; yang tampil hasil pemeriksaan sebelumnya.</source>
        <translation>Check cancelled; the results shown are from the previous check.</translation>
    </message>
    <message>
        <source>Temuan</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>%s — %s temuan</source>
        <translation>%s — %s findings</translation>
    </message>
    <message>
        <source>, anggota %s</source>
        <translation>, member %s</translation>
    </message>
    <message>
        <source>No. KK %s, pengurus %s%s:
%s — Enter untuk membuka keluarga.</source>
        <translation>No. KK %s, recipient %s%s:
%s — Enter to open the family.</translation>
    </message>
</context>
<context>
    <name>DecisionTab</name>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>&amp;Usulkan graduasi…</source>
        <translation>&amp;Propose graduation…</translation>
    </message>
    <message>
        <source>Usulkan graduasi sejahtera mandiri untuk satu keluarga (No. KK)</source>
        <translation>Propose self-reliant graduation for one family (No. KK)</translation>
    </message>
    <message>
        <source>Nama yang menyetujui atau menolak (bukan pengusul)</source>
        <translation>Name of the person approving or rejecting (not the proposer)</translation>
    </message>
    <message>
        <source>&amp;Diputuskan oleh:</source>
        <translation>&amp;Decided by:</translation>
    </message>
    <message>
        <source>Buka</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Buka keluarga yang dipilih (Enter)</source>
        <translation>Open the selected family (Enter)</translation>
    </message>
    <message>
        <source>Se&amp;tujui</source>
        <translation>&amp;Approve</translation>
    </message>
    <message>
        <source>T&amp;olak…</source>
        <translation>&amp;Reject…</translation>
    </message>
    <message>
        <source>&amp;Cetak laporan…</source>
        <translation>Pri&amp;nt report…</translation>
    </message>
    <message>
        <source>Simpan laporan graduasi keluarga yang dipilih sebagai PDF</source>
        <translation>Save the selected family&apos;s graduation report as a PDF</translation>
    </message>
    <message>
        <source>Kunjungan lanjutan</source>
        <translation>Follow-up visits</translation>
    </message>
    <message>
        <source>Catat &amp;kunjungan…</source>
        <translation>Record &amp;visit…</translation>
    </message>
    <message>
        <source>Catat hasil kunjungan lanjutan yang dipilih</source>
        <translation>Record the outcome of the selected follow-up visit</translation>
    </message>
    <message>
        <source>Jatuh tempo %s — belum dikunjungi</source>
        <translation>Due %s — not visited yet</translation>
    </message>
    <message>
        <source>masih mandiri</source>
        <translation>still self-reliant</translation>
    </message>
    <message>
        <source>tidak lagi mandiri</source>
        <translation>no longer self-reliant</translation>
    </message>
    <message>
        <source>Jatuh tempo %s — dikunjungi %s, %s</source>
        <translation>Due %s — visited %s, %s</translation>
    </message>
    <message>
        <source>Memuat usulan…</source>
        <translation>Loading proposals…</translation>
    </message>
    <message>
        <source>Usulan graduasi tersimpan.</source>
        <translation>Graduation proposal saved.</translation>
    </message>
    <message>
        <source>Tolak usulan graduasi</source>
        <translation>Reject graduation proposal</translation>
    </message>
    <message>
        <source>Alasan penolakan:</source>
        <translation>Reason for rejection:</translation>
    </message>
    <message>
        <source>Menyetujui usulan…</source>
        <translation>Approving proposals…</translation>
    </message>
    <message>
        <source>Menolak usulan…</source>
        <translation>Rejecting proposals…</translation>
    </message>
    <message>
        <source>Disetujui: keluarga No. KK %s kini berstatus Graduasi sejahtera mandiri.</source>
        <translation>Approved: the family with No. KK %s now has the status Self-reliant graduation.</translation>
    </message>
    <message>
        <source>Ditolak: usulan keluarga No. KK %s.</source>
        <translation>Rejected: the proposal for the family with No. KK %s.</translation>
    </message>
    <message>
        <source>Kunjungan lanjutan tercatat.</source>
        <translation>Follow-up visit recorded.</translation>
    </message>
    <message>
        <source>Simpan laporan graduasi</source>
        <translation>Save graduation report</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Membuat laporan PDF…</source>
        <translation>Creating PDF report…</translation>
    </message>
    <message>
        <source>Laporan disimpan: %s (%s halaman)</source>
        <translation>Report saved: %s (%s pages)</translation>
    </message>
</context>
<context>
    <name>GraduationPage</name>
    <message>
        <source>Graduasi</source>
        <translation>Graduation</translation>
    </message>
    <message>
        <source>Graduasi alamiah</source>
        <translation>Natural graduation</translation>
    </message>
    <message>
        <source>Kohort dan tahapan</source>
        <translation>Cohorts and stages</translation>
    </message>
    <message>
        <source>Usulan dan persetujuan</source>
        <translation>Proposals and approval</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Targets</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Beranda</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Keluarga terdaftar</source>
        <translation>Registered families</translation>
    </message>
    <message>
        <source>Keluarga aktif (KPM PKH)</source>
        <translation>Active families (PKH KPM)</translation>
    </message>
    <message>
        <source>Kejadian bencana dibuka (Ctrl+4)</source>
        <translation>Open disaster events (Ctrl+4)</translation>
    </message>
    <message>
        <source>Tekan Ctrl+2 untuk membuka daftar keluarga. Pindah halaman dengan Ctrl+angka menurut urutan menu di kiri (Ctrl+1 Beranda, Ctrl+0 yang kesepuluh).</source>
        <translation>Press Ctrl+2 to open the family list. Switch pages with Ctrl+number in the order of the menu on the left (Ctrl+1 Home, Ctrl+0 the tenth).</translation>
    </message>
    <message>
        <source>%s %s: %s keluarga</source>
        <translation>%s %s: %s families</translation>
    </message>
</context>
<context>
    <name>NaturalGraduationTab</name>
    <message>
        <source>Kuartal yang ditinjau, mis. 2026Q3 (bisa diketik)</source>
        <translation>The quarter reviewed, e.g. 2026Q3 (can be typed)</translation>
    </message>
    <message>
        <source>&amp;Kuartal:</source>
        <translation>&amp;Quarter:</translation>
    </message>
    <message>
        <source>Tanpa berkas dukcapil</source>
        <translation>No civil registry (Dukcapil) file</translation>
    </message>
    <message>
        <source>Pilih berkas…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Berkas dukcapil (xlsx/csv) berisi kolom NIK, PERISTIWA (MENINGGAL/PINDAH) dan TANGGAL</source>
        <translation>Civil registry (Dukcapil) file (xlsx/csv) with the columns NIK, PERISTIWA (MENINGGAL/PINDAH) and TANGGAL</translation>
    </message>
    <message>
        <source>Tanpa berkas</source>
        <translation>No file</translation>
    </message>
    <message>
        <source>&amp;Usulkan</source>
        <translation>&amp;Propose</translation>
    </message>
    <message>
        <source>Cari keluarga yang memenuhi syarat graduasi alamiah (F5)</source>
        <translation>Find families that qualify for natural graduation (F5)</translation>
    </message>
    <message>
        <source>Pilih kuartal lalu tekan Usulkan.</source>
        <translation>Choose a quarter, then press Propose.</translation>
    </message>
    <message>
        <source>Buka</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Buka keluarga yang dipilih (Enter)</source>
        <translation>Open the selected family (Enter)</translation>
    </message>
    <message>
        <source>Se&amp;tujui</source>
        <translation>&amp;Approve</translation>
    </message>
    <message>
        <source>Setujui usulan yang dipilih</source>
        <translation>Approve the selected proposals</translation>
    </message>
    <message>
        <source>T&amp;olak</source>
        <translation>&amp;Reject</translation>
    </message>
    <message>
        <source>Tolak usulan yang dipilih: keluarga tetap aktif</source>
        <translation>Reject the selected proposals: the families stay active</translation>
    </message>
    <message>
        <source>Setujui &amp;semua</source>
        <translation>Approve a&amp;ll</translation>
    </message>
    <message>
        <source>Te&amp;rapkan</source>
        <translation>Appl&amp;y</translation>
    </message>
    <message>
        <source>Ubah status keluarga yang disetujui menjadi Graduasi alamiah</source>
        <translation>Change the status of the approved families to Natural graduation</translation>
    </message>
    <message>
        <source>Usulkan</source>
        <translation>Propose</translation>
    </message>
    <message>
        <source>Pilih berkas dukcapil (kematian dan pindah)</source>
        <translation>Choose the civil registry (Dukcapil) file (deaths and moves)</translation>
    </message>
    <message>
        <source>Spreadsheet (*.xlsx *.csv);;Semua berkas (*)</source>
        <translation>Spreadsheet (*.xlsx *.csv);;All files (*)</translation>
    </message>
    <message>
        <source>Berkas dukcapil: %s</source>
        <translation>Civil registry file: %s</translation>
    </message>
    <message>
        <source>Memuat daftar graduasi alamiah…</source>
        <translation>Loading the natural graduation list…</translation>
    </message>
    <message>
        <source>Belum ada daftar graduasi alamiah untuk %s. Tekan Usulkan untuk membuatnya.</source>
        <translation>No natural graduation list for %s yet. Press Propose to create it.</translation>
    </message>
    <message>
        <source>Sudah diterapkan pada %s oleh %s — hanya dapat dilihat.</source>
        <translation>Already applied on %s by %s — view only.</translation>
    </message>
    <message>
        <source>%s disetujui, %s ditolak, %s belum diputuskan.</source>
        <translation>%s approved, %s rejected, %s undecided.</translation>
    </message>
    <message>
        <source> (%s keluarga calon diperiksa)</source>
        <translation> (%s candidate families checked)</translation>
    </message>
    <message>
        <source>Daftar %s (akhir kuartal %s), dibuat %s oleh %s: %s keluarga diusulkan%s. %s</source>
        <translation>List %s (quarter ending %s), made %s by %s: %s families proposed%s. %s</translation>
    </message>
    <message>
        <source>Per alasan: </source>
        <translation>By reason: </translation>
    </message>
    <message>
        <source>NIK di berkas dukcapil yang tidak ditemukan (%s): %s</source>
        <translation>NIKs in the civil registry file that were not found (%s): %s</translation>
    </message>
    <message>
        <source> … dan %s lainnya</source>
        <translation> … and %s more</translation>
    </message>
    <message>
        <source>Baris berkas dukcapil yang dilewati (%s):
%s</source>
        <translation>Civil registry file rows skipped (%s):
%s</translation>
    </message>
    <message>
        <source>
… dan %s lainnya</source>
        <translation>
… and %s more</translation>
    </message>
    <message>
        <source>Pengusulan dibatalkan; tidak ada yang disimpan.</source>
        <translation>Proposing cancelled; nothing was saved.</translation>
    </message>
    <message>
        <source>Mengusulkan graduasi alamiah %s…</source>
        <translation>Proposing natural graduation %s…</translation>
    </message>
    <message>
        <source>Pilih dulu usulan di tabel.</source>
        <translation>First select proposals in the table.</translation>
    </message>
    <message>
        <source>Menyimpan keputusan…</source>
        <translation>Saving decision…</translation>
    </message>
    <message>
        <source>Daftar %s sudah diterapkan pada %s oleh %s; tidak dapat diterapkan dua kali.</source>
        <translation>List %s was already applied on %s by %s; it cannot be applied twice.</translation>
    </message>
    <message>
        <source>Belum ada usulan yang disetujui; setujui dulu keluarga yang akan digraduasi.</source>
        <translation>No approved proposals yet; first approve the families to graduate.</translation>
    </message>
    <message>
        <source>Terapkan graduasi alamiah</source>
        <translation>Apply natural graduation</translation>
    </message>
    <message>
        <source>Terapkan daftar %s? Status %s keluarga yang disetujui akan berubah menjadi Graduasi alamiah per %s. Usulan yang ditolak atau belum diputuskan tidak diubah. Daftar ini tidak dapat diterapkan dua kali.</source>
        <translation>Apply list %s? The status of %s approved families will change to Natural graduation as of %s. Rejected or undecided proposals are not changed. This list cannot be applied twice.</translation>
    </message>
    <message>
        <source>Menerapkan graduasi alamiah…</source>
        <translation>Applying natural graduation…</translation>
    </message>
    <message>
        <source>Diterapkan: %s keluarga kini berstatus Graduasi alamiah per %s.</source>
        <translation>Applied: %s families now have the status Natural graduation as of %s.</translation>
    </message>
    <message>
        <source>… dan %s lainnya</source>
        <translation>… and %s more</translation>
    </message>
    <message>
        <source>Dilewati (%s):</source>
        <translation>Skipped (%s):</translation>
    </message>
</context>
<context>
    <name>ReliefEventActions</name>
    <message>
        <source>Hak &amp;bantuan…</source>
        <translation>En&amp;titlements…</translation>
    </message>
    <message>
        <source>Bantuan (barang dan uang) yang berlaku untuk kejadian ini</source>
        <translation>Aid (goods and cash) that applies to this event</translation>
    </message>
    <message>
        <source>&amp;Lampiran kejadian…</source>
        <translation>Event &amp;attachments…</translation>
    </message>
    <message>
        <source>&amp;Cetak…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>BNBA, berita acara serah terima, laporan kejadian (Ctrl+P)</source>
        <translation>BNBA, handover record (berita acara), event report (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Penyaluran…</source>
        <translation>&amp;Hand-over…</translation>
    </message>
    <message>
        <source>Catat penyaluran bantuan untuk keluarga terpilih (Ctrl+D)</source>
        <translation>Record an aid hand-over for the selected family (Ctrl+D)</translation>
    </message>
    <message>
        <source>La&amp;mpiran…</source>
        <translation>Attach&amp;ments…</translation>
    </message>
    <message>
        <source>Kejadian %s</source>
        <translation>Event %s</translation>
    </message>
    <message>
        <source>Lampiran kejadian %s</source>
        <translation>Attachments of event %s</translation>
    </message>
    <message>
        <source>Memuat pilihan…</source>
        <translation>Loading choices…</translation>
    </message>
    <message>
        <source>%s disimpan ke %s</source>
        <translation>%s saved to %s</translation>
    </message>
    <message>
        <source>Mencetak dokumen…</source>
        <translation>Printing documents…</translation>
    </message>
    <message>
        <source>Keluarga %s</source>
        <translation>Family %s</translation>
    </message>
    <message>
        <source>Korban %s (%s)</source>
        <translation>Victim %s (%s)</translation>
    </message>
    <message>
        <source>Lampiran keluarga %s</source>
        <translation>Attachments of family %s</translation>
    </message>
    <message>
        <source>Memuat keluarga…</source>
        <translation>Loading family…</translation>
    </message>
</context>
<context>
    <name>ReliefEventsTab</name>
    <message>
        <source>Kejadian &amp;baru…</source>
        <translation>&amp;New event…</translation>
    </message>
    <message>
        <source>Catat kejadian bencana baru (Ctrl+N)</source>
        <translation>Record a new disaster event (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Ubah…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>&amp;Tutup kejadian</source>
        <translation>&amp;Close event</translation>
    </message>
    <message>
        <source>Cari korban: nama, No. KK atau NIK</source>
        <translation>Search victims: name, No. KK or NIK</translation>
    </message>
    <message>
        <source>&amp;Daftarkan korban…</source>
        <translation>&amp;Register victims…</translation>
    </message>
    <message>
        <source>Daftarkan keluarga korban (Ctrl+R)</source>
        <translation>Register a victim family (Ctrl+R)</translation>
    </message>
    <message>
        <source>&amp;Rincian…</source>
        <translation>&amp;Details…</translation>
    </message>
    <message>
        <source>Buka keluarga terpilih (Enter)</source>
        <translation>Open the selected family (Enter)</translation>
    </message>
    <message>
        <source>&amp;Buka kembali</source>
        <translation>Re&amp;open</translation>
    </message>
    <message>
        <source>Memuat kejadian…</source>
        <translation>Loading events…</translation>
    </message>
    <message>
        <source>Pilih kejadian untuk melihat korban.</source>
        <translation>Select an event to see its victims.</translation>
    </message>
    <message>
        <source>Memuat korban…</source>
        <translation>Loading victims…</translation>
    </message>
    <message>
        <source>Korban %s: %s keluarga, %s jiwa</source>
        <translation>Victims of %s: %s families, %s people</translation>
    </message>
    <message>
        <source> · tersalur: %s</source>
        <translation> · handed over: %s</translation>
    </message>
    <message>
        <source>%s keluarga tanpa dokumen (perlu tindak lanjut)</source>
        <translation>%s families without documents (follow-up needed)</translation>
    </message>
    <message>
        <source>Kejadian %s disimpan.</source>
        <translation>Event %s saved.</translation>
    </message>
    <message>
        <source>Memuat pilihan…</source>
        <translation>Loading choices…</translation>
    </message>
    <message>
        <source>Tutup kejadian %s per hari ini? Kejadian yang ditutup tidak menerima korban dan penyaluran baru.</source>
        <translation>Close event %s as of today? A closed event takes no new victims or hand-overs.</translation>
    </message>
    <message>
        <source>Buka kembali kejadian %s?</source>
        <translation>Reopen event %s?</translation>
    </message>
    <message>
        <source>Tutup kejadian</source>
        <translation>Close event</translation>
    </message>
    <message>
        <source>Buka kembali</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>Kejadian %s ditutup.</source>
        <translation>Event %s closed.</translation>
    </message>
    <message>
        <source>Kejadian %s dibuka kembali.</source>
        <translation>Event %s reopened.</translation>
    </message>
    <message>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Keluarga %s disimpan.</source>
        <translation>Family %s saved.</translation>
    </message>
    <message>
        <source>Memuat keluarga…</source>
        <translation>Loading family…</translation>
    </message>
</context>
<context>
    <name>ReliefPage</name>
    <message>
        <source>Bencana</source>
        <translation>Disaster relief</translation>
    </message>
    <message>
        <source>Kejadian</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Stok dan indeks bantuan</source>
        <translation>Stock and aid index</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Laporan — Rekap Wali Kota</source>
        <translation>Reports — Mayor&apos;s recap</translation>
    </message>
    <message>
        <source>Semua kecamatan</source>
        <translation>All sub-districts</translation>
    </message>
    <message>
        <source>&amp;Tampilkan</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <source>&amp;Ekspor Excel…</source>
        <translation>&amp;Export to Excel…</translation>
    </message>
    <message>
        <source>Tulis rekap ke berkas .xlsx (Ctrl+E)</source>
        <translation>Write the recap to an .xlsx file (Ctrl+E)</translation>
    </message>
    <message>
        <source>Tahun</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Sub-district</translation>
    </message>
    <message>
        <source>Setahun</source>
        <translation>Full year</translation>
    </message>
    <message>
        <source>Kuartal I</source>
        <translation>Quarter I</translation>
    </message>
    <message>
        <source>Kuartal II</source>
        <translation>Quarter II</translation>
    </message>
    <message>
        <source>Kuartal III</source>
        <translation>Quarter III</translation>
    </message>
    <message>
        <source>Kuartal IV</source>
        <translation>Quarter IV</translation>
    </message>
    <message>
        <source>Memuat pilihan…</source>
        <translation>Loading choices…</translation>
    </message>
    <message>
        <source>Menghitung rekap…</source>
        <translation>Calculating recap…</translation>
    </message>
    <message>
        <source>Periode %s · %s · data per %s</source>
        <translation>Period %s · %s · data as of %s</translation>
    </message>
    <message>
        <source>Simpan rekap</source>
        <translation>Save recap</translation>
    </message>
    <message>
        <source>Rekap %s disimpan ke %s</source>
        <translation>Recap %s saved to %s</translation>
    </message>
    <message>
        <source>Menulis rekap…</source>
        <translation>Writing recap…</translation>
    </message>
</context>
<context>
    <name>StockTab</name>
    <message>
        <source>&amp;Barang bantuan</source>
        <translation>Aid &amp;items</translation>
    </message>
    <message>
        <source>Kartu &amp;stok</source>
        <translation>&amp;Stock card</translation>
    </message>
    <message>
        <source>&amp;Terima stok…</source>
        <translation>&amp;Receive stock…</translation>
    </message>
    <message>
        <source>Catat barang bantuan yang diterima (Ctrl+T)</source>
        <translation>Record aid items received (Ctrl+T)</translation>
    </message>
    <message>
        <source>Barang &amp;baru…</source>
        <translation>&amp;New item…</translation>
    </message>
    <message>
        <source>&amp;Indeks bantuan…</source>
        <translation>Aid in&amp;dex…</translation>
    </message>
    <message>
        <source>Nilai bantuan per dasar perhitungan, berlaku mulai tanggal tertentu</source>
        <translation>Aid amount per basis of calculation, valid from a given date</translation>
    </message>
    <message>
        <source>Memuat stok…</source>
        <translation>Loading stock…</translation>
    </message>
    <message>
        <source>Belum ada barang bantuan. Tambahkan dengan Barang baru…</source>
        <translation>No aid items yet. Add one with New item…</translation>
    </message>
    <message>
        <source>Kartu &amp;stok: %s (%s)</source>
        <translation>&amp;Stock card: %s (%s)</translation>
    </message>
    <message>
        <source>Diterima %s %s − disalurkan %s %s = saldo %s %s.</source>
        <translation>Received %s %s − handed over %s %s = balance %s %s.</translation>
    </message>
    <message>
        <source>Memuat kartu stok…</source>
        <translation>Loading stock card…</translation>
    </message>
    <message>
        <source>Penerimaan %s %s dicatat.</source>
        <translation>Receipt of %s %s recorded.</translation>
    </message>
    <message>
        <source>Barang %s ditambahkan.</source>
        <translation>Item %s added.</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Mengirim perubahan</source>
        <translation>Sending changes</translation>
    </message>
    <message>
        <source>Menerima data awal</source>
        <translation>Receiving initial data</translation>
    </message>
    <message>
        <source>Menerima perubahan</source>
        <translation>Receiving changes</translation>
    </message>
    <message>
        <source>Duplikat</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>Ditolak</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Tidak diterapkan</source>
        <translation>Not applied</translation>
    </message>
    <message>
        <source>Sinkronisasi</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Perangkat ini belum terdaftar di server pusat. Minta kode pendaftaran sekali pakai kepada administrator server Dinsos (simoncer-central enroll), lalu isi formulir ini.</source>
        <translation>This device is not enrolled with the central server yet. Ask the Dinsos server administrator for a one-time enrollment code (simoncer-central enroll), then fill in this form.</translation>
    </message>
    <message>
        <source>(kosong: sertifikat sistem)</source>
        <translation>(empty: system certificates)</translation>
    </message>
    <message>
        <source>&amp;Pilih…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>&amp;Alamat server</source>
        <translation>Server &amp;address</translation>
    </message>
    <message>
        <source>&amp;Kode pendaftaran</source>
        <translation>Enrollment c&amp;ode</translation>
    </message>
    <message>
        <source>&amp;Nama perangkat</source>
        <translation>Device &amp;name</translation>
    </message>
    <message>
        <source>&amp;Sertifikat CA (opsional)</source>
        <translation>CA &amp;certificate (optional)</translation>
    </message>
    <message>
        <source>&amp;Daftarkan</source>
        <translation>&amp;Enroll</translation>
    </message>
    <message>
        <source>Pilih sertifikat CA kantor</source>
        <translation>Choose the office CA certificate</translation>
    </message>
    <message>
        <source>Sertifikat (*.pem *.crt *.cer);;Semua (*)</source>
        <translation>Certificates (*.pem *.crt *.cer);;All (*)</translation>
    </message>
    <message>
        <source>Hanya administrator yang boleh mendaftarkan perangkat ini ke server.</source>
        <translation>Only an administrator may enroll this device with the server.</translation>
    </message>
    <message>
        <source>Alamat server</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>Kode pendaftaran</source>
        <translation>Enrollment code</translation>
    </message>
    <message>
        <source>Isi dulu: %s.</source>
        <translation>Fill in first: %s.</translation>
    </message>
    <message>
        <source>Menghubungi server…</source>
        <translation>Contacting server…</translation>
    </message>
    <message>
        <source>Sinkronisasi sedang berjalan; coba lagi sebentar lagi.</source>
        <translation>A sync is running; try again in a moment.</translation>
    </message>
    <message>
        <source>Terdaftar sebagai %s (wilayah %s).</source>
        <translation>Enrolled as %s (area %s).</translation>
    </message>
    <message>
        <source>%s perubahan data kantor (wilayah *) tidak akan dikirim dari perangkat ini.</source>
        <translation>%s changes to office data (area *) will not be sent from this device.</translation>
    </message>
    <message>
        <source>Pendaftaran gagal: %s</source>
        <translation>Enrollment failed: %s</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Perangkat</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Wilayah</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Sinkron terakhir</source>
        <translation>Last sync</translation>
    </message>
    <message>
        <source>Kesalahan terakhir</source>
        <translation>Last error</translation>
    </message>
    <message>
        <source>Perubahan menunggu</source>
        <translation>Pending changes</translation>
    </message>
    <message>
        <source>&amp;Sinkronkan sekarang</source>
        <translation>&amp;Sync now</translation>
    </message>
    <message>
        <source>Kirim perubahan dan terima perubahan dari server (F5)</source>
        <translation>Send changes and receive changes from the server (F5)</translation>
    </message>
    <message>
        <source>&amp;Batal</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Perubahan yang ditolak server</source>
        <translation>Changes refused by the server</translation>
    </message>
    <message>
        <source>Tabel</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Baris</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>&amp;Ekspor antrean…</source>
        <translation>&amp;Export queue…</translation>
    </message>
    <message>
        <source>Simpan semua perubahan yang belum terkirim dan yang ditolak ke satu berkas (.json.gz)</source>
        <translation>Save all unsent and refused changes to one file (.json.gz)</translation>
    </message>
    <message>
        <source>Hasil sinkronisasi terakhir</source>
        <translation>Last sync result</translation>
    </message>
    <message>
        <source>Belum ada sinkronisasi sejak aplikasi dibuka.</source>
        <translation>No sync since the app was opened.</translation>
    </message>
    <message>
        <source>Hanya administrator yang boleh mendaftarkan perangkat ini.</source>
        <translation>Only an administrator may enroll this device.</translation>
    </message>
    <message>
        <source>semua wilayah (*)</source>
        <translation>all areas (*)</translation>
    </message>
    <message>
        <source>belum pernah</source>
        <translation>never</translation>
    </message>
    <message>
        <source>-</source>
        <translation>-</translation>
    </message>
    <message>
        <source>%s perubahan ditolak server (tetap disimpan; ekspor untuk diperiksa):</source>
        <translation>%s changes refused by the server (still kept; export them for review):</translation>
    </message>
    <message>
        <source>Tidak ada perubahan yang ditolak server.</source>
        <translation>No changes refused by the server.</translation>
    </message>
    <message>
        <source>Peran Anda tidak berwenang menjalankan sinkronisasi.</source>
        <translation>Your role is not allowed to run a sync.</translation>
    </message>
    <message>
        <source>Sinkronisasi sedang berjalan.</source>
        <translation>A sync is running.</translation>
    </message>
    <message>
        <source>Memulai…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <source>Sinkronisasi gagal: %s</source>
        <translation>Sync failed: %s</translation>
    </message>
    <message>
        <source>Sinkronisasi dibatalkan; yang sudah terkirim dan diterima tetap tersimpan.</source>
        <translation>Sync cancelled; what was already sent and received is kept.</translation>
    </message>
    <message>
        <source>Simpan antrean sinkronisasi</source>
        <translation>Save sync queue</translation>
    </message>
    <message>
        <source>Antrean sinkronisasi (*.json.gz)</source>
        <translation>Sync queue (*.json.gz)</translation>
    </message>
    <message>
        <source>Ekspor antrean gagal: %s</source>
        <translation>Queue export failed: %s</translation>
    </message>
    <message>
        <source>%s perubahan dari antrean disimpan ke %s</source>
        <translation>%s changes from the queue saved to %s</translation>
    </message>
    <message>
        <source>Dikirim: %s (diterima %s, digabung %s, ditolak %s, duplikat %s)</source>
        <translation>Sent: %s (applied %s, merged %s, rejected %s, duplicate %s)</translation>
    </message>
    <message>
        <source>Diterima dari server: %s perubahan</source>
        <translation>Received from the server: %s changes</translation>
    </message>
    <message>
        <source>Menunggu: %s; ditolak server (tersimpan): %s</source>
        <translation>Pending: %s; refused by the server (kept): %s</translation>
    </message>
    <message>
        <source>%s perubahan kalah sebagian dari perubahan yang lebih baru; nilainya tersimpan di halaman Konflik.</source>
        <translation>%s changes partly lost to newer changes; their values are kept on the Conflicts page.</translation>
    </message>
    <message>
        <source>Peringatan jam: %s</source>
        <translation>Clock warning: %s</translation>
    </message>
    <message>
        <source>Catatan:</source>
        <translation>Notes:</translation>
    </message>
</context>
<context>
    <name>TargetsTab</name>
    <message>
        <source>Kota: %s dari %s (%s) disetujui tahun %s; %s menunggu persetujuan, %s keluarga dalam proses tahapan.</source>
        <translation>City: %s of %s (%s) approved in %s; %s awaiting approval, %s families going through the stages.</translation>
    </message>
    <message>
        <source>Tahun</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Tingkat</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Hitung ulang angka target (F5)</source>
        <translation>Recalculate the target figures (F5)</translation>
    </message>
    <message>
        <source>&amp;Tahun:</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <source>T&amp;ingkat:</source>
        <translation>&amp;Level:</translation>
    </message>
    <message>
        <source>Belum dimuat.</source>
        <translation>Not loaded yet.</translation>
    </message>
    <message>
        <source>Pendamping</source>
        <translation>Facilitator</translation>
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
        <source>Menghitung target graduasi…</source>
        <translation>Calculating graduation targets…</translation>
    </message>
    <message>
        <source>Gagal memuat angka target. Tekan Muat ulang (F5).</source>
        <translation>Could not load the target figures. Press Reload (F5).</translation>
    </message>
    <message>
        <source>Disetujui dibanding target: %d baris pertama (%s), urutan tabel</source>
        <translation>Approved against target: first %d rows (%s), table order</translation>
    </message>
</context>
</TS>
