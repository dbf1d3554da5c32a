<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>assessment</name>
    <message>
        <source>naik</source>
        <translation>up</translation>
    </message>
    <message>
        <source>turun</source>
        <translation>down</translation>
    </message>
    <message>
        <source>tetap</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <source>Belum ada kuesioner asesmen yang berlaku pada {day:%d-%m-%Y}</source>
        <translation>No assessment questionnaire is in force on {day:%d-%m-%Y} yet</translation>
    </message>
    <message>
        <source>Kuesioner asesmen versi {version} tidak ditemukan</source>
        <translation>Assessment questionnaire version {version} not found</translation>
    </message>
    <message>
        <source>Judul kuesioner: wajib diisi</source>
        <translation>Questionnaire title: required</translation>
    </message>
    <message>
        <source>Judul kuesioner: terlalu panjang (maksimal 120 huruf)</source>
        <translation>Questionnaire title: too long (at most 120 characters)</translation>
    </message>
    <message>
        <source>Berlaku mulai: wajib diisi</source>
        <translation>Valid from: required</translation>
    </message>
    <message>
        <source>Berlaku mulai: tidak boleh sebelum versi {version} ({day:%d-%m-%Y})</source>
        <translation>Valid from: may not be before version {version} ({day:%d-%m-%Y})</translation>
    </message>
    <message>
        <source>Keluarga tidak ditemukan (mungkin sudah dihapus)</source>
        <translation>Family not found (it may have been deleted)</translation>
    </message>
    <message>
        <source>Tanggal asesmen: wajib diisi</source>
        <translation>Assessment date: required</translation>
    </message>
    <message>
        <source>Tanggal asesmen: {day:%d-%m-%Y} ada di masa depan</source>
        <translation>Assessment date: {day:%d-%m-%Y} is in the future</translation>
    </message>
    <message>
        <source>Tanggal asesmen: {day:%d-%m-%Y} terlalu lampau</source>
        <translation>Assessment date: {day:%d-%m-%Y} is too far in the past</translation>
    </message>
    <message>
        <source>Petugas asesmen: wajib diisi</source>
        <translation>Assessor: required</translation>
    </message>
    <message>
        <source>Petugas asesmen: terlalu panjang (maksimal 120 huruf)</source>
        <translation>Assessor: too long (at most 120 characters)</translation>
    </message>
    <message>
        <source>Definisi kuesioner tidak sesuai format (bagian yang hilang: {missing})</source>
        <translation>The questionnaire definition does not match the format (missing part: {missing})</translation>
    </message>
    <message>
        <source>Definisi kuesioner bukan JSON yang sah</source>
        <translation>The questionnaire definition is not valid JSON</translation>
    </message>
    <message>
        <source>Definisi kuesioner tidak sesuai format</source>
        <translation>The questionnaire definition does not match the format</translation>
    </message>
    <message>
        <source>Kuesioner harus memiliki paling sedikit satu bagian</source>
        <translation>The questionnaire must have at least one section</translation>
    </message>
    <message>
        <source>Bagian {number} ({title})</source>
        <translation>Section {number} ({title})</translation>
    </message>
    <message>
        <source>{name}: kode wajib diisi</source>
        <translation>{name}: code required</translation>
    </message>
    <message>
        <source>{name}: kode &apos;{code}&apos; dipakai lebih dari sekali</source>
        <translation>{name}: code &apos;{code}&apos; is used more than once</translation>
    </message>
    <message>
        <source>{name}: judul wajib diisi</source>
        <translation>{name}: title required</translation>
    </message>
    <message>
        <source>{name}: bobot harus angka lebih dari 0 (tertulis {weight})</source>
        <translation>{name}: weight must be a number above 0 (entered: {weight})</translation>
    </message>
    <message>
        <source>{name}: belum ada pertanyaan</source>
        <translation>{name}: no questions yet</translation>
    </message>
    <message>
        <source>Pertanyaan &apos;{question}&apos;</source>
        <translation>Question &apos;{question}&apos;</translation>
    </message>
    <message>
        <source>{name}: teks pertanyaan wajib diisi</source>
        <translation>{name}: question text required</translation>
    </message>
    <message>
        <source>{name}: paling sedikit dua pilihan jawaban</source>
        <translation>{name}: at least two answer options</translation>
    </message>
    <message>
        <source>{name}: kode pilihan &apos;{code}&apos; kosong atau ganda</source>
        <translation>{name}: option code &apos;{code}&apos; is empty or repeated</translation>
    </message>
    <message>
        <source>{name}: pilihan &apos;{code}&apos; belum berlabel</source>
        <translation>{name}: option &apos;{code}&apos; has no label</translation>
    </message>
    <message>
        <source>{name}: poin pilihan &apos;{option}&apos; harus 0–100 (tertulis {points})</source>
        <translation>{name}: points of option &apos;{option}&apos; must be 0–100 (entered: {points})</translation>
    </message>
    <message>
        <source>Batas skor harus berisi keempat kelas kesejahteraan, masing-masing sekali, berurutan: {labels}</source>
        <translation>The score thresholds must list all four welfare classes, each once, in order: {labels}</translation>
    </message>
    <message>
        <source>Batas skor harus angka 0–100 (tertulis {scores})</source>
        <translation>Score thresholds must be numbers 0–100 (entered: {scores})</translation>
    </message>
    <message>
        <source>Batas skor kelas {lowest} harus mulai dari 0</source>
        <translation>The score threshold of class {lowest} must start at 0</translation>
    </message>
    <message>
        <source>Batas skor harus naik dari kelas ke kelas (tertulis {scores})</source>
        <translation>Score thresholds must rise from class to class (entered: {scores})</translation>
    </message>
    <message>
        <source>{question}: belum dijawab</source>
        <translation>{question}: not answered</translation>
    </message>
    <message>
        <source>{question}: jawaban &apos;{answer}&apos; bukan pilihan yang tersedia</source>
        <translation>{question}: the answer &apos;{answer}&apos; is not one of the options</translation>
    </message>
    <message>
        <source>Pertanyaan &apos;{code}&apos; tidak ada di kuesioner ini</source>
        <translation>Question &apos;{code}&apos; is not in this questionnaire</translation>
    </message>
</context>
<context>
    <name>graduation_report</name>
    <message>
        <source>Keluarga dengan id &apos;{id}&apos; tidak ditemukan (mungkin sudah dihapus)</source>
        <translation>Family with id &apos;{id}&apos; not found (it may have been deleted)</translation>
    </message>
</context>
<context>
    <name>graduation_targets</name>
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
        <source>(Tanpa pendamping)</source>
        <translation>(No facilitator)</translation>
    </message>
</context>
<context>
    <name>natural_graduation</name>
    <message>
        <source>Nama pembuat usulan wajib diisi</source>
        <translation>The name of who makes the proposal is required</translation>
    </message>
    <message>
        <source>Berkas {name}: baris judul kolom NIK, PERISTIWA dan TANGGAL tidak ditemukan di 10 baris pertama</source>
        <translation>File {name}: no header row with the columns NIK, PERISTIWA and TANGGAL in the first 10 rows</translation>
    </message>
    <message>
        <source>Kuartal &apos;{text}&apos; tidak sah: tulis tahun dan nomor kuartal 1–4, mis. 2026Q3</source>
        <translation>Quarter &apos;{text}&apos; is not valid: write the year and the quarter number 1–4, e.g. 2026Q3</translation>
    </message>
    <message>
        <source>Pengurus/semua anggota layak meninggal</source>
        <translation>Recipient/all eligible members deceased</translation>
    </message>
    <message>
        <source>Tidak ada komponen PKH lagi</source>
        <translation>No PKH component any more</translation>
    </message>
    <message>
        <source>Pindah domisili</source>
        <translation>Moved away</translation>
    </message>
    <message>
        <source>Sudah mampu</source>
        <translation>Now well-off</translation>
    </message>
    <message>
        <source>Daftar graduasi alamiah {run} tidak ditemukan</source>
        <translation>Natural graduation list {run} not found</translation>
    </message>
    <message>
        <source>Daftar graduasi alamiah {quarter} sudah diterapkan pada {day} oleh {by}; tidak dapat diubah atau diterapkan dua kali</source>
        <translation>Natural graduation list {quarter} was already applied on {day} by {by}; it cannot be changed or applied twice</translation>
    </message>
    <message>
        <source>Keputusan &apos;{decision}&apos; tidak dikenal (pilih disetujui atau ditolak)</source>
        <translation>Unknown decision &apos;{decision}&apos; (choose disetujui or ditolak)</translation>
    </message>
    <message>
        <source>Nama yang memutuskan wajib diisi</source>
        <translation>The name of who decides is required</translation>
    </message>
    <message>
        <source>{count} usulan bukan bagian dari daftar {quarter} ini: {ids}</source>
        <translation>{count} proposals are not part of this list {quarter}: {ids}</translation>
    </message>
    <message>
        <source>Nama yang menerapkan wajib diisi</source>
        <translation>The name of who applies the list is required</translation>
    </message>
    <message>
        <source>Belum ada usulan yang disetujui dalam daftar {quarter}; setujui dulu keluarga yang akan digraduasi</source>
        <translation>No proposal in list {quarter} is approved yet; first approve the families to graduate</translation>
    </message>
    <message>
        <source>keluarga sudah dihapus</source>
        <translation>the family was deleted</translation>
    </message>
    <message>
        <source>status keluarga sudah {status}</source>
        <translation>the family&apos;s status is already {status}</translation>
    </message>
</context>
<context>
    <name>programme</name>
    <message>
        <source>{label}: tidak ditemukan</source>
        <translation>{label}: not found</translation>
    </message>
    <message>
        <source>{label}: wajib diisi</source>
        <translation>{label}: required</translation>
    </message>
    <message>
        <source>{label}: terlalu panjang (maksimal {max_len} huruf)</source>
        <translation>{label}: too long (at most {max_len} characters)</translation>
    </message>
    <message>
        <source>Tahapan: harus 1–6 (tertulis {stage})</source>
        <translation>Stage: must be 1–6 (entered: {stage})</translation>
    </message>
    <message>
        <source>Nama kohort</source>
        <translation>Cohort name</translation>
    </message>
    <message>
        <source>Tanggal mulai: wajib diisi</source>
        <translation>Start date: required</translation>
    </message>
    <message>
        <source>Tahun: harus tahun yang wajar (tertulis {year})</source>
        <translation>Year: must be a plausible year (entered: {year})</translation>
    </message>
    <message>
        <source>Tanggal mulai: {day:%d-%m-%Y} jauh dari tahun {year}</source>
        <translation>Start date: {day:%d-%m-%Y} is far from the year {year}</translation>
    </message>
    <message>
        <source>Kecamatan: wajib dipilih</source>
        <translation>Sub-district: required</translation>
    </message>
    <message>
        <source>Pendamping: tidak ditemukan</source>
        <translation>Facilitator: not found</translation>
    </message>
    <message>
        <source>Kohort</source>
        <translation>Cohort</translation>
    </message>
    <message>
        <source>Keluarga</source>
        <translation>Family</translation>
    </message>
    <message>
        <source>Tanggal daftar: wajib diisi</source>
        <translation>Enrolment date: required</translation>
    </message>
    <message>
        <source>Peserta: harus anggota keluarga ini</source>
        <translation>Participant: must be a member of this family</translation>
    </message>
    <message>
        <source>Peserta: {name} sudah meninggal</source>
        <translation>Participant: {name} has died</translation>
    </message>
    <message>
        <source>Peserta: {name} berumur {age} tahun pada {day:%d-%m-%Y}, di luar usia produktif {low}–{high} tahun</source>
        <translation>Participant: {name} is {age} years old on {day:%d-%m-%Y}, outside the working age of {low}–{high} years</translation>
    </message>
    <message>
        <source>Keluarga: masih terdaftar di kohort {cohort}</source>
        <translation>Family: still enrolled in cohort {cohort}</translation>
    </message>
    <message>
        <source>Keluarga: sudah pernah terdaftar di kohort {cohort}</source>
        <translation>Family: already enrolled in cohort {cohort} before</translation>
    </message>
    <message>
        <source>Keluarga: berstatus {status}, bukan Aktif</source>
        <translation>Family: status is {status}, not Active</translation>
    </message>
    <message>
        <source>Peserta kohort</source>
        <translation>Cohort participant</translation>
    </message>
    <message>
        <source>Tanggal selesai rencana: {end:%d-%m-%Y} sebelum tanggal mulai {start:%d-%m-%Y}</source>
        <translation>Planned end date: {end:%d-%m-%Y} is before the start date {start:%d-%m-%Y}</translation>
    </message>
    <message>
        <source>Tanggal selesai realisasi: {end:%d-%m-%Y} sebelum tanggal mulai {start:%d-%m-%Y}</source>
        <translation>Actual end date: {end:%d-%m-%Y} is before the start date {start:%d-%m-%Y}</translation>
    </message>
    <message>
        <source>Tanggal mulai rencana: {start:%d-%m-%Y} sebelum tanggal daftar {day:%d-%m-%Y}</source>
        <translation>Planned start date: {start:%d-%m-%Y} is before the enrolment date {day:%d-%m-%Y}</translation>
    </message>
    <message>
        <source>Tanggal mulai realisasi: {start:%d-%m-%Y} sebelum tanggal daftar {day:%d-%m-%Y}</source>
        <translation>Actual start date: {start:%d-%m-%Y} is before the enrolment date {day:%d-%m-%Y}</translation>
    </message>
    <message>
        <source>Jenis bantuan usaha</source>
        <translation>Business grant type</translation>
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
        <source>Nilai bantuan usaha</source>
        <translation>Business grant amount</translation>
    </message>
    <message>
        <source>Usaha berjalan</source>
        <translation>Business running</translation>
    </message>
    <message>
        <source>{label}: hanya diisi pada tahap {stage}</source>
        <translation>{label}: only filled in at the stage {stage}</translation>
    </message>
    <message>
        <source>Nilai bantuan usaha: tidak boleh negatif (tertulis {amount})</source>
        <translation>Business grant amount: may not be negative (entered: {amount})</translation>
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
        <source>Ditolak</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Diusulkan oleh</source>
        <translation>Proposed by</translation>
    </message>
    <message>
        <source>Tanggal usulan: wajib diisi</source>
        <translation>Proposal date: required</translation>
    </message>
    <message>
        <source>Asesmen pendukung: wajib dipilih</source>
        <translation>Supporting assessment: required</translation>
    </message>
    <message>
        <source>Asesmen pendukung: bukan asesmen keluarga ini</source>
        <translation>Supporting assessment: not an assessment of this family</translation>
    </message>
    <message>
        <source>Asesmen pendukung: tanggal asesmen {day:%d-%m-%Y} setelah tanggal usulan</source>
        <translation>Supporting assessment: the assessment date {day:%d-%m-%Y} is after the proposal date</translation>
    </message>
    <message>
        <source>Keluarga: masih ada usulan graduasi yang belum diputuskan</source>
        <translation>Family: there is still a graduation proposal not yet decided</translation>
    </message>
    <message>
        <source>Usulan graduasi</source>
        <translation>Graduation proposal</translation>
    </message>
    <message>
        <source>Usulan graduasi: bukan usulan graduasi sejahtera mandiri</source>
        <translation>Graduation proposal: not a self-reliant graduation proposal</translation>
    </message>
    <message>
        <source>Usulan graduasi: sudah diputuskan ({status})</source>
        <translation>Graduation proposal: already decided ({status})</translation>
    </message>
    <message>
        <source>Diputuskan oleh</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <source>Diputuskan oleh: pengusul tidak boleh memutuskan usulannya sendiri</source>
        <translation>Decided by: whoever proposed may not decide their own proposal</translation>
    </message>
    <message>
        <source>Tanggal keputusan: wajib diisi</source>
        <translation>Decision date: required</translation>
    </message>
    <message>
        <source>Tanggal keputusan: {day:%d-%m-%Y} sebelum tanggal usulan {proposed:%d-%m-%Y}</source>
        <translation>Decision date: {day:%d-%m-%Y} is before the proposal date {proposed:%d-%m-%Y}</translation>
    </message>
    <message>
        <source>Alasan penolakan: wajib diisi</source>
        <translation>Reason for rejection: required</translation>
    </message>
    <message>
        <source>Kunjungan lanjutan</source>
        <translation>Follow-up visit</translation>
    </message>
    <message>
        <source>Tanggal kunjungan: wajib diisi</source>
        <translation>Visit date: required</translation>
    </message>
    <message>
        <source>Tanggal kunjungan: {day:%d-%m-%Y} sebelum tanggal graduasi {graduated:%d-%m-%Y}</source>
        <translation>Visit date: {day:%d-%m-%Y} is before the graduation date {graduated:%d-%m-%Y}</translation>
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
        <source>{name} ({year}, mulai {start:%d-%m-%Y})</source>
        <translation>{name} ({year}, starts {start:%d-%m-%Y})</translation>
    </message>
    <message>
        <source>{day:%d-%m-%Y} · Tahap {stage}{topic}</source>
        <translation>{day:%d-%m-%Y} · Stage {stage}{topic}</translation>
    </message>
    <message>
        <source>{name} ({age} tahun)</source>
        <translation>{name} ({age} years)</translation>
    </message>
    <message>
        <source>{name} ({age} tahun, di luar usia produktif)</source>
        <translation>{name} ({age} years, outside the working age)</translation>
    </message>
    <message>
        <source>Sesi</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Tanggal sesi: wajib diisi</source>
        <translation>Session date: required</translation>
    </message>
    <message>
        <source>Tanggal sesi: {day:%d-%m-%Y} sebelum kohort {cohort} mulai ({start:%d-%m-%Y})</source>
        <translation>Session date: {day:%d-%m-%Y} is before cohort {cohort} starts ({start:%d-%m-%Y})</translation>
    </message>
    <message>
        <source>Topik</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Kehadiran: belum ada peserta yang ditandai</source>
        <translation>Attendance: no participant has been marked yet</translation>
    </message>
    <message>
        <source>Kehadiran: {who} bukan peserta kohort sesi ini</source>
        <translation>Attendance: {who} is not a participant of this session&apos;s cohort</translation>
    </message>
    <message>
        <source>Kehadiran: {who} baru terdaftar {enrolled:%d-%m-%Y}, setelah sesi {held:%d-%m-%Y}</source>
        <translation>Attendance: {who} was only enrolled on {enrolled:%d-%m-%Y}, after the session of {held:%d-%m-%Y}</translation>
    </message>
    <message>
        <source>Kehadiran: {who} sudah keluar {day:%d-%m-%Y}</source>
        <translation>Attendance: {who} was withdrawn on {day:%d-%m-%Y}</translation>
    </message>
    <message>
        <source>Kehadiran: tanda untuk {who} harus hadir/tidak hadir</source>
        <translation>Attendance: the mark for {who} must be present/absent</translation>
    </message>
    <message>
        <source>Ditandai oleh</source>
        <translation>Marked by</translation>
    </message>
    <message>
        <source>Tanggal lulus tahap: wajib diisi</source>
        <translation>Stage pass date: required</translation>
    </message>
    <message>
        <source>Peserta kohort: sudah keluar pada {day:%d-%m-%Y}</source>
        <translation>Cohort participant: withdrawn on {day:%d-%m-%Y}</translation>
    </message>
    <message>
        <source>Tahapan: program sudah selesai, semua tahap sudah lulus</source>
        <translation>Stage: the programme is complete, every stage has been passed</translation>
    </message>
    <message>
        <source>Tahapan: hanya tahap yang sedang dijalani yang dapat diluluskan ({number}. {stage}); untuk mundur gunakan koreksi tahapan</source>
        <translation>Stage: only the current stage can be passed ({number}. {stage}); to go back use a stage correction</translation>
    </message>
    <message>
        <source>Tanggal lulus tahap: {day:%d-%m-%Y} sebelum {earliest:%d-%m-%Y}</source>
        <translation>Stage pass date: {day:%d-%m-%Y} is before {earliest:%d-%m-%Y}</translation>
    </message>
    <message>
        <source>Tahapan: kehadiran {present} dari {sessions} sesi ({rate:.0%}) di bawah batas {limit:.0%}</source>
        <translation>Stage: attendance of {present} out of {sessions} sessions ({rate:.0%}) is below the threshold of {limit:.0%}</translation>
    </message>
    <message>
        <source>Alasan koreksi</source>
        <translation>Reason for the correction</translation>
    </message>
    <message>
        <source>Dikoreksi oleh</source>
        <translation>Corrected by</translation>
    </message>
    <message>
        <source>Tanggal koreksi: wajib diisi</source>
        <translation>Correction date: required</translation>
    </message>
    <message>
        <source>Tanggal koreksi: {day:%d-%m-%Y} sebelum tanggal daftar {enrolled:%d-%m-%Y}</source>
        <translation>Correction date: {day:%d-%m-%Y} is before the enrolment date {enrolled:%d-%m-%Y}</translation>
    </message>
    <message>
        <source>Tahap tujuan: peserta sudah di tahap {stage}</source>
        <translation>Target stage: the participant is already in stage {stage}</translation>
    </message>
    <message>
        <source>Peserta kohort: program sudah selesai, tidak dapat dikeluarkan</source>
        <translation>Cohort participant: the programme is complete, cannot be withdrawn</translation>
    </message>
    <message>
        <source>Alasan keluar</source>
        <translation>Reason for withdrawal</translation>
    </message>
    <message>
        <source>Dicatat oleh</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>Tanggal keluar: wajib diisi</source>
        <translation>Withdrawal date: required</translation>
    </message>
    <message>
        <source>Tanggal keluar: {day:%d-%m-%Y} sebelum tanggal daftar {enrolled:%d-%m-%Y}</source>
        <translation>Withdrawal date: {day:%d-%m-%Y} is before the enrolment date {enrolled:%d-%m-%Y}</translation>
    </message>
</context>
<context>
    <name>recap</name>
    <message>
        <source>Periode &apos;{text}&apos; tidak dikenal: tulis tahun (mis. 2026) atau tahun dan triwulan 1–4 (mis. 2026Q3)</source>
        <translation>Unknown period &apos;{text}&apos;: write a year (e.g. 2026) or a year and quarter 1–4 (e.g. 2026Q3)</translation>
    </message>
    <message>
        <source>Kecamatan &apos;{value}&apos; tidak dikenal di {region}: pilih kode (mis. {example}) atau nama kecamatan</source>
        <translation>Unknown sub-district &apos;{value}&apos; in {region}: choose a code (e.g. {example}) or a sub-district name</translation>
    </message>
    <message>
        <source>Kecamatan &apos;{value}&apos; tidak dikenal: pilih kode (mis. {example}) atau nama kecamatan</source>
        <translation>Unknown sub-district &apos;{value}&apos;: choose a code (e.g. {example}) or a sub-district name</translation>
    </message>
    <message>
        <source>Tidak ada data untuk periode {period} di Kecamatan {kecamatan}: tidak ada graduasi, usulan graduasi, kejadian bencana, atau penyaluran bantuan yang bertanggal dalam periode ini</source>
        <translation>No data for the period {period} in sub-district {kecamatan}: no graduation, graduation proposal, disaster event or aid hand-over is dated in this period</translation>
    </message>
    <message>
        <source>Tidak ada data untuk periode {period}: tidak ada graduasi, usulan graduasi, kejadian bencana, atau penyaluran bantuan yang bertanggal dalam periode ini</source>
        <translation>No data for the period {period}: no graduation, graduation proposal, disaster event or aid hand-over is dated in this period</translation>
    </message>
    <message>
        <source>Periode {period} belum dimulai: komponen PKH dihitung per {day:%d-%m-%Y}</source>
        <translation>The period {period} has not started yet: PKH components are counted as of {day:%d-%m-%Y}</translation>
    </message>
    <message>
        <source>Periode {period} masih berjalan: komponen PKH dihitung per {day:%d-%m-%Y}</source>
        <translation>The period {period} is still running: PKH components are counted as of {day:%d-%m-%Y}</translation>
    </message>
    <message>
        <source>Meninggal</source>
        <translation>Deceased</translation>
    </message>
    <message>
        <source>Tidak ada komponen</source>
        <translation>No component</translation>
    </message>
    <message>
        <source>Pindah</source>
        <translation>Moved</translation>
    </message>
    <message>
        <source>Sudah mampu</source>
        <translation>Now well-off</translation>
    </message>
    <message>
        <source>Belum dinilai</source>
        <translation>Not assessed</translation>
    </message>
</context>
<context>
    <name>relief</name>
    <message>
        <source>{entitlement} untuk {beneficiary} sudah disalurkan pada {day:%d-%m-%Y} oleh {officer}: {what}, diterima {recipient}{relation}</source>
        <translation>{entitlement} for {beneficiary} was already handed over on {day:%d-%m-%Y} by {officer}: {what}, received by {recipient}{relation}</translation>
    </message>
    <message>
        <source>Jumlah uang: tidak dipakai untuk {name} (barang)</source>
        <translation>Cash amount: not used for {name} (goods)</translation>
    </message>
    <message>
        <source>Jumlah ({unit}): harus bilangan bulat lebih dari 0 (tertulis {given})</source>
        <translation>Quantity ({unit}): must be a whole number above 0 (entered: {given})</translation>
    </message>
    <message>
        <source>Jumlah ({unit}): paling banyak {quantity} {unit} (tertulis {given})</source>
        <translation>Quantity ({unit}): at most {quantity} {unit} (entered: {given})</translation>
    </message>
    <message>
        <source>Stok {item} tinggal {left} {unit} (diminta {given} {unit})</source>
        <translation>Only {left} {unit} of {item} left in stock ({given} {unit} asked for)</translation>
    </message>
    <message>
        <source>Stok {item} pada {day:%d-%m-%Y} tinggal {left} {unit} (diminta {given} {unit}; penerimaan sesudah tanggal itu belum bisa dipakai)</source>
        <translation>Only {left} {unit} of {item} in stock on {day:%d-%m-%Y} ({given} {unit} asked for; goods received after that date cannot be used yet)</translation>
    </message>
    <message>
        <source>Jumlah barang: tidak dipakai untuk {name} (uang)</source>
        <translation>Goods quantity: not used for {name} (cash)</translation>
    </message>
    <message>
        <source>Jumlah uang: harus bilangan bulat lebih dari 0 (tertulis {given})</source>
        <translation>Cash amount: must be a whole number above 0 (entered: {given})</translation>
    </message>
    <message>
        <source>Jumlah uang: paling banyak {most} (tertulis {given})</source>
        <translation>Cash amount: at most {most} (entered: {given})</translation>
    </message>
    <message>
        <source>Nama penerima: wajib diisi</source>
        <translation>Receiver&apos;s name: required</translation>
    </message>
    <message>
        <source>Nama penerima: terlalu panjang (maksimal 120 huruf)</source>
        <translation>Receiver&apos;s name: too long (at most 120 characters)</translation>
    </message>
    <message>
        <source>NIK penerima</source>
        <translation>Receiver&apos;s NIK</translation>
    </message>
    <message>
        <source>Hubungan: terlalu panjang (maksimal 40 huruf)</source>
        <translation>Relationship: too long (at most 40 characters)</translation>
    </message>
    <message>
        <source>Ahli waris {name} belum dicatat; lengkapi data korban dahulu</source>
        <translation>The heir of {name} is not recorded yet; complete the victim&apos;s data first</translation>
    </message>
    <message>
        <source>{entitlement} diserahkan kepada ahli waris ({heir}), bukan {name}</source>
        <translation>{entitlement} is handed to the heir ({heir}), not {name}</translation>
    </message>
    <message>
        <source>Tanggal penyaluran: wajib diisi</source>
        <translation>Hand-over date: required</translation>
    </message>
    <message>
        <source>Tanggal penyaluran: {day:%d-%m-%Y} sebelum tanggal kejadian {event_day:%d-%m-%Y}</source>
        <translation>Hand-over date: {day:%d-%m-%Y} is before the event date {event_day:%d-%m-%Y}</translation>
    </message>
    <message>
        <source>Tanggal penyaluran: {day:%d-%m-%Y} belum terjadi</source>
        <translation>Hand-over date: {day:%d-%m-%Y} has not happened yet</translation>
    </message>
    <message>
        <source>Keluarga: tidak terdaftar pada kejadian ini</source>
        <translation>Family: not registered for this event</translation>
    </message>
    <message>
        <source>Korban: tidak terdaftar pada kejadian ini</source>
        <translation>Victim: not registered for this event</translation>
    </message>
    <message>
        <source>Korban {name}: bukan anggota keluarga {head}</source>
        <translation>Victim {name}: not a member of the family of {head}</translation>
    </message>
    <message>
        <source>Hak bantuan: tidak diterapkan pada kejadian ini</source>
        <translation>Aid entitlement: not applied to this event</translation>
    </message>
    <message>
        <source>Petugas: wajib diisi</source>
        <translation>Officer: required</translation>
    </message>
    <message>
        <source>Kejadian {event} tidak ditemukan</source>
        <translation>Event {event} not found</translation>
    </message>
    <message>
        <source>Kejadian sudah ditutup ({title})</source>
        <translation>The event is closed ({title})</translation>
    </message>
    <message>
        <source>Indeks bantuan &apos;{code}&apos; belum berlaku pada {day:%d-%m-%Y}</source>
        <translation>Aid index &apos;{code}&apos; is not yet in force on {day:%d-%m-%Y}</translation>
    </message>
    <message>
        <source>Jumlah hari: harus 1–{most} (tertulis {days})</source>
        <translation>Number of days: must be 1–{most} (entered: {days})</translation>
    </message>
    <message>
        <source>{name} sudah disalurkan kepada {count} penerima; nilainya tidak bisa diubah</source>
        <translation>{name} was already handed over to {count} beneficiaries; its value cannot be changed</translation>
    </message>
    <message>
        <source>Hak bantuan &apos;{code}&apos; tidak diterapkan pada kejadian ini</source>
        <translation>Aid entitlement &apos;{code}&apos; is not applied to this event</translation>
    </message>
    <message>
        <source>{name} sudah disalurkan kepada {count} penerima; tidak bisa dihapus</source>
        <translation>{name} was already handed over to {count} beneficiaries; it cannot be removed</translation>
    </message>
    <message>
        <source>{name} dihitung per keluarga, bukan per orang</source>
        <translation>{name} is counted per family, not per person</translation>
    </message>
    <message>
        <source>{name} dihitung per orang: pilih korbannya</source>
        <translation>{name} is counted per person: choose the victim</translation>
    </message>
    <message>
        <source>Keluarga {head}: rumah {damage}; {name} hanya untuk kerusakan minimal {min_damage}</source>
        <translation>Family of {head}: house {damage}; {name} is only for damage of at least {min_damage}</translation>
    </message>
    <message>
        <source>{who} meninggal; {name} untuk korban yang masih hidup</source>
        <translation>{who} died; {name} is for living victims</translation>
    </message>
    <message>
        <source>{who} tidak mengungsi; {name} hanya untuk pengungsi</source>
        <translation>{who} is not displaced; {name} is only for displaced people</translation>
    </message>
    <message>
        <source>{who} tidak tercatat meninggal; {name} hanya untuk korban meninggal</source>
        <translation>{who} is not recorded as deceased; {name} is only for deceased victims</translation>
    </message>
    <message>
        <source>{who} tidak tercatat luka berat; {name} hanya untuk korban luka berat</source>
        <translation>{who} is not recorded as seriously injured; {name} is only for seriously injured victims</translation>
    </message>
    <message>
        <source>{name}: dasar perhitungan &apos;{basis}&apos; tidak dikenal</source>
        <translation>{name}: unknown basis &apos;{basis}&apos;</translation>
    </message>
    <message>
        <source>Keluarga {family} tidak ditemukan</source>
        <translation>Family {family} not found</translation>
    </message>
    <message>
        <source>Kejadian dengan id &apos;{id}&apos; tidak ditemukan</source>
        <translation>Event with id &apos;{id}&apos; not found</translation>
    </message>
    <message>
        <source>tanggal {day}</source>
        <translation>on {day}</translation>
    </message>
    <message>
        <source>{start} s.d. {end}</source>
        <translation>{start} to {end}</translation>
    </message>
    <message>
        <source>sejak {day}</source>
        <translation>since {day}</translation>
    </message>
    <message>
        <source>sampai {day}</source>
        <translation>until {day}</translation>
    </message>
    <message>
        <source>sejak awal kejadian</source>
        <translation>since the start of the event</translation>
    </message>
    <message>
        <source>Kelurahan &apos;{code}&apos; tidak dikenal</source>
        <translation>Unknown village &apos;{code}&apos;</translation>
    </message>
    <message>
        <source>Tanggal awal sesudah tanggal akhir</source>
        <translation>The start date is after the end date</translation>
    </message>
    <message>
        <source>Wilayah terdampak: tambahkan minimal satu kelurahan</source>
        <translation>Affected areas: add at least one village</translation>
    </message>
    <message>
        <source>Wilayah {row}: kelurahan wajib dipilih dari daftar wilayah</source>
        <translation>Area {row}: a village must be chosen from the list of areas</translation>
    </message>
    <message>
        <source>Wilayah {row}: kelurahan {name} tidak berada di kecamatan ini</source>
        <translation>Area {row}: village {name} is not in this sub-district</translation>
    </message>
    <message>
        <source>Wilayah {row}: {label} harus angka 1–3 digit (tertulis &apos;{value}&apos;)</source>
        <translation>Area {row}: {label} must be a number of 1–3 digits (entered: &apos;{value}&apos;)</translation>
    </message>
    <message>
        <source>Wilayah {row}: sama dengan wilayah {other}</source>
        <translation>Area {row}: the same as area {other}</translation>
    </message>
    <message>
        <source>Jenis bencana: wajib dipilih</source>
        <translation>Disaster type: required</translation>
    </message>
    <message>
        <source>Jenis bencana: nilai &apos;{kind}&apos; tidak dikenal</source>
        <translation>Disaster type: unknown value &apos;{kind}&apos;</translation>
    </message>
    <message>
        <source>Judul: wajib diisi</source>
        <translation>Title: required</translation>
    </message>
    <message>
        <source>Judul: terlalu panjang (maksimal 200 huruf)</source>
        <translation>Title: too long (at most 200 characters)</translation>
    </message>
    <message>
        <source>Waktu kejadian: wajib diisi</source>
        <translation>Time of event: required</translation>
    </message>
    <message>
        <source>Waktu kejadian: {when:%d-%m-%Y %H:%M} ada di masa depan</source>
        <translation>Time of event: {when:%d-%m-%Y %H:%M} is in the future</translation>
    </message>
    <message>
        <source>Kecamatan: wajib dipilih dari daftar wilayah</source>
        <translation>Sub-district: must be chosen from the list of areas</translation>
    </message>
    <message>
        <source>Kejadian sudah ditutup</source>
        <translation>The event is closed</translation>
    </message>
    <message>
        <source>Kejadian tidak ditemukan (mungkin sudah dihapus)</source>
        <translation>Event not found (it may have been deleted)</translation>
    </message>
    <message>
        <source>Kecamatan: tidak dapat diubah, sudah ada {count} keluarga terdaftar</source>
        <translation>Sub-district: cannot be changed, {count} families are already registered</translation>
    </message>
    <message>
        <source>Waktu kejadian: tidak boleh sesudah pendaftaran korban pertama ({day:%d-%m-%Y})</source>
        <translation>Time of event: may not be after the first victim registration ({day:%d-%m-%Y})</translation>
    </message>
    <message>
        <source>Tanggal penutupan: sebelum tanggal kejadian ({day:%d-%m-%Y})</source>
        <translation>Closing date: before the event date ({day:%d-%m-%Y})</translation>
    </message>
    <message>
        <source>Tanggal penutupan: {day:%d-%m-%Y} ada di masa depan</source>
        <translation>Closing date: {day:%d-%m-%Y} is in the future</translation>
    </message>
    <message>
        <source>Kejadian masih dibuka: {title}</source>
        <translation>The event is still open: {title}</translation>
    </message>
    <message>
        <source>Kejadian: wajib diisi (id atau kode 8 karakter)</source>
        <translation>Event: required (id or 8-character code)</translation>
    </message>
    <message>
        <source>Kejadian: kode {code} cocok dengan beberapa kejadian; pakai id lengkap</source>
        <translation>Event: code {code} matches several events; use the full id</translation>
    </message>
    <message>
        <source>Kejadian &apos;{ref}&apos; tidak ditemukan</source>
        <translation>Event &apos;{ref}&apos; not found</translation>
    </message>
    <message>
        <source>Barang: wajib dipilih</source>
        <translation>Item: required</translation>
    </message>
    <message>
        <source>Barang: tidak ditemukan</source>
        <translation>Item: not found</translation>
    </message>
    <message>
        <source>Kode barang: 2–30 huruf kecil, angka atau &apos;_&apos;, tanpa spasi (tertulis &apos;{code}&apos;)</source>
        <translation>Item code: 2–30 lower-case letters, digits or &apos;_&apos;, no spaces (entered: &apos;{code}&apos;)</translation>
    </message>
    <message>
        <source>Kode barang &apos;{code}&apos; sudah dipakai untuk {name}</source>
        <translation>Item code &apos;{code}&apos; is already used for {name}</translation>
    </message>
    <message>
        <source>Nama barang</source>
        <translation>Item name</translation>
    </message>
    <message>
        <source>Satuan</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>{label}: wajib diisi</source>
        <translation>{label}: required</translation>
    </message>
    <message>
        <source>{label}: terlalu panjang (maksimal {max_len} huruf)</source>
        <translation>{label}: too long (at most {max_len} characters)</translation>
    </message>
    <message>
        <source>Kode: 2–40 huruf kecil, angka atau &apos;_&apos;, tanpa spasi (tertulis &apos;{code}&apos;)</source>
        <translation>Code: 2–40 lower-case letters, digits or &apos;_&apos;, no spaces (entered: &apos;{code}&apos;)</translation>
    </message>
    <message>
        <source>Nama bantuan</source>
        <translation>Aid name</translation>
    </message>
    <message>
        <source>Jenis: harus uang atau barang (tertulis &apos;{kind}&apos;)</source>
        <translation>Kind: must be uang (cash) or barang (goods) (entered: &apos;{kind}&apos;)</translation>
    </message>
    <message>
        <source>Dasar perhitungan: &apos;{basis}&apos; tidak dikenal</source>
        <translation>Basis: unknown value &apos;{basis}&apos;</translation>
    </message>
    <message>
        <source>Jumlah (rupiah): harus bilangan bulat lebih dari 0 (tertulis {amount})</source>
        <translation>Amount (rupiah): must be a whole number above 0 (entered: {amount})</translation>
    </message>
    <message>
        <source>Jumlah barang: harus bilangan bulat lebih dari 0 (tertulis {amount})</source>
        <translation>Goods quantity: must be a whole number above 0 (entered: {amount})</translation>
    </message>
    <message>
        <source>Barang: wajib dipilih untuk bantuan berupa barang</source>
        <translation>Item: required for aid in goods</translation>
    </message>
    <message>
        <source>Barang: tidak dipakai untuk bantuan berupa uang</source>
        <translation>Item: not used for aid in cash</translation>
    </message>
    <message>
        <source>Kerusakan minimal: &apos;{damage}&apos; tidak dikenal</source>
        <translation>Minimum damage: unknown value &apos;{damage}&apos;</translation>
    </message>
    <message>
        <source>Hanya pengungsi: hanya berlaku untuk bantuan per jiwa atau per jiwa per hari</source>
        <translation>Displaced only: only applies to aid per person or per person per day</translation>
    </message>
    <message>
        <source>Berlaku mulai: wajib diisi</source>
        <translation>Valid from: required</translation>
    </message>
    <message>
        <source>Jumlah: harus bilangan bulat lebih dari 0 (tertulis {given})</source>
        <translation>Quantity: must be a whole number above 0 (entered: {given})</translation>
    </message>
    <message>
        <source>Tanggal terima: wajib diisi</source>
        <translation>Date received: required</translation>
    </message>
    <message>
        <source>Tanggal terima: {day:%d-%m-%Y} belum terjadi</source>
        <translation>Date received: {day:%d-%m-%Y} has not happened yet</translation>
    </message>
    <message>
        <source>Sumber: &apos;{source}&apos; tidak dikenal (pilih {known})</source>
        <translation>Source: unknown value &apos;{source}&apos; (choose {known})</translation>
    </message>
    <message>
        <source>No. dokumen: terlalu panjang (maksimal 120 huruf)</source>
        <translation>Document no.: too long (at most 120 characters)</translation>
    </message>
    <message>
        <source>Kecamatan: &apos;{scope}&apos; bukan kode kecamatan yang terdaftar</source>
        <translation>Sub-district: &apos;{scope}&apos; is not a registered sub-district code</translation>
    </message>
    <message>
        <source>Ketik minimal {count} digit NIK/No. KK</source>
        <translation>Type at least {count} digits of a NIK/family card no.</translation>
    </message>
    <message>
        <source>Ketik minimal {count} huruf nama</source>
        <translation>Type at least {count} letters of a name</translation>
    </message>
    <message>
        <source>Korban: tambahkan minimal satu orang</source>
        <translation>Victims: add at least one person</translation>
    </message>
    <message>
        <source>Tanggal pendaftaran: {day:%d-%m-%Y} sebelum tanggal kejadian ({event_day:%d-%m-%Y})</source>
        <translation>Registration date: {day:%d-%m-%Y} is before the event date ({event_day:%d-%m-%Y})</translation>
    </message>
    <message>
        <source>Tanggal pendaftaran: {day:%d-%m-%Y} ada di masa depan</source>
        <translation>Registration date: {day:%d-%m-%Y} is in the future</translation>
    </message>
    <message>
        <source>Kepala keluarga: wajib diisi</source>
        <translation>Head of family: required</translation>
    </message>
    <message>
        <source>Kepala keluarga: terlalu panjang (maksimal 120 huruf)</source>
        <translation>Head of family: too long (at most 120 characters)</translation>
    </message>
    <message>
        <source>No. KK: wajib diisi, atau isi alasan tanpa dokumen (mis. KK hilang/hanyut)</source>
        <translation>Family card no. (No. KK): required, or give the reason there is no document (e.g. card lost/washed away)</translation>
    </message>
    <message>
        <source>Kelurahan: wajib dipilih dari daftar wilayah</source>
        <translation>Village: must be chosen from the list of areas</translation>
    </message>
    <message>
        <source>{label}: harus angka 1–3 digit (tertulis &apos;{value}&apos;)</source>
        <translation>{label}: must be a number of 1–3 digits (entered: &apos;{value}&apos;)</translation>
    </message>
    <message>
        <source>Telepon: &apos;{phone}&apos; bukan nomor telepon Indonesia (08… atau +62…)</source>
        <translation>Phone: &apos;{phone}&apos; is not an Indonesian phone number (08… or +62…)</translation>
    </message>
    <message>
        <source>Tingkat kerusakan: nilai &apos;{damage}&apos; tidak dikenal</source>
        <translation>Damage level: unknown value &apos;{damage}&apos;</translation>
    </message>
    <message>
        <source>Keluarga KPM: tidak ditemukan di data keluarga</source>
        <translation>KPM family: not found in the family data</translation>
    </message>
    <message>
        <source>Korban {row}</source>
        <translation>Victim {row}</translation>
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
        <source>Jenis kelamin: wajib dipilih (L/P)</source>
        <translation>Sex: required (L/P)</translation>
    </message>
    <message>
        <source>Hubungan keluarga: nilai &apos;{value}&apos; tidak dikenal</source>
        <translation>Family relationship: unknown value &apos;{value}&apos;</translation>
    </message>
    <message>
        <source>Luka: nilai &apos;{value}&apos; tidak dikenal</source>
        <translation>Injury: unknown value &apos;{value}&apos;</translation>
    </message>
    <message>
        <source>Tanggal lahir: {day:%d-%m-%Y} ada di masa depan</source>
        <translation>Date of birth: {day:%d-%m-%Y} is in the future</translation>
    </message>
    <message>
        <source>NIK: wajib diisi, atau isi alasan tanpa NIK (mis. KTP hilang/hanyut)</source>
        <translation>NIK: required, or give the reason there is no NIK (e.g. ID card lost/washed away)</translation>
    </message>
    <message>
        <source>Ahli waris: wajib diisi untuk korban meninggal</source>
        <translation>Heir: required for a deceased victim</translation>
    </message>
    <message>
        <source>NIK ahli waris</source>
        <translation>Heir&apos;s NIK</translation>
    </message>
    <message>
        <source>Anggota KPM: tidak ditemukan di data keluarga</source>
        <translation>KPM member: not found in the family data</translation>
    </message>
    <message>
        <source>Korban {row}: NIK {nik} sama dengan korban {other}</source>
        <translation>Victim {row}: NIK {nik} is the same as victim {other}</translation>
    </message>
    <message>
        <source>Korban {row}: orang yang sama dengan korban {other}</source>
        <translation>Victim {row}: the same person as victim {other}</translation>
    </message>
    <message>
        <source>Keluarga ini sudah terdaftar pada kejadian ini (kepala keluarga: {head})</source>
        <translation>This family is already registered for this event (head of family: {head})</translation>
    </message>
    <message>
        <source>No. KK: {no_kk} sudah terdaftar pada kejadian ini (kepala keluarga: {head})</source>
        <translation>Family card no. (No. KK): {no_kk} is already registered for this event (head of family: {head})</translation>
    </message>
    <message>
        <source>Korban {row}: NIK {nik} sudah terdaftar pada kejadian ini ({name}, keluarga {head})</source>
        <translation>Victim {row}: NIK {nik} is already registered for this event ({name}, family of {head})</translation>
    </message>
    <message>
        <source>Korban {row}: {name} sudah terdaftar pada kejadian ini (keluarga {head})</source>
        <translation>Victim {row}: {name} is already registered for this event (family of {head})</translation>
    </message>
    <message>
        <source>Keluarga tidak ditemukan (mungkin sudah dihapus)</source>
        <translation>Family not found (it may have been deleted)</translation>
    </message>
    <message>
        <source>Keluarga terdampak tidak ditemukan (mungkin sudah dihapus)</source>
        <translation>Affected family not found (it may have been deleted)</translation>
    </message>
    <message>
        <source>Korban {row}: bukan korban dari keluarga ini</source>
        <translation>Victim {row}: not a victim of this family</translation>
    </message>
    <message>
        <source>Korban {name} sudah menerima penyaluran; tidak dapat dihapus</source>
        <translation>Victim {name} has already received aid; cannot be removed</translation>
    </message>
</context>
<context>
    <name>reports</name>
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
        <source>Jenis dokumen &apos;{kind}&apos; tidak dikenal</source>
        <translation>Unknown document type &apos;{kind}&apos;</translation>
    </message>
    <message>
        <source> atau </source>
        <translation> or </translation>
    </message>
    <message>
        <source>(kosong)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>{document}: format {shown} tidak tersedia (hanya {wanted})</source>
        <translation>{document}: format {shown} is not available (only {wanted})</translation>
    </message>
    <message>
        <source>Tanggal awal {start:%d-%m-%Y} sesudah tanggal akhir {end:%d-%m-%Y}</source>
        <translation>Start date {start:%d-%m-%Y} is after the end date {end:%d-%m-%Y}</translation>
    </message>
    <message>
        <source>Berkas keluaran {path} harus berakhiran .{suffix}</source>
        <translation>The output file {path} must end in .{suffix}</translation>
    </message>
    <message>
        <source>BNBA kejadian {code} ({families} keluarga, {people} jiwa)</source>
        <translation>BNBA of event {code} ({families} families, {people} people)</translation>
    </message>
    <message>
        <source>Berita acara {number} ({count} penyaluran, {period})</source>
        <translation>Handover record {number} ({count} hand-overs, {period})</translation>
    </message>
    <message>
        <source>Laporan kejadian {code} ({title})</source>
        <translation>Event report {code} ({title})</translation>
    </message>
    <message>
        <source>{path} adalah folder; pilih nama berkas {suffix}</source>
        <translation>{path} is a folder; choose a {suffix} file name</translation>
    </message>
    <message>
        <source>Tidak dapat menulis {path}: folder {folder} tidak ada</source>
        <translation>Cannot write {path}: the folder {folder} does not exist</translation>
    </message>
    <message>
        <source>Tidak dapat menulis {path}: {reason}</source>
        <translation>Cannot write {path}: {reason}</translation>
    </message>
    <message>
        <source>Tidak dapat menyimpan {path}: {reason}. Bila berkas itu sedang dibuka (mis. di Excel atau pembaca PDF), tutup dulu lalu coba lagi</source>
        <translation>Cannot save {path}: {reason}. If that file is open (e.g. in Excel or a PDF reader), close it first and try again</translation>
    </message>
    <message>
        <source>Gagal menulis {path}: {reason}</source>
        <translation>Writing {path} failed: {reason}</translation>
    </message>
    <message>
        <source>izin ditolak</source>
        <translation>permission denied</translation>
    </message>
    <message>
        <source>folder tidak ditemukan</source>
        <translation>folder not found</translation>
    </message>
</context>
<context>
    <name>stages</name>
    <message>
        <source>Seleksi usia produktif</source>
        <translation>Working-age selection</translation>
    </message>
    <message>
        <source>Mindset (psikolog)</source>
        <translation>Mindset (psychologist)</translation>
    </message>
    <message>
        <source>Coaching clinic kewirausahaan</source>
        <translation>Entrepreneurship coaching clinic</translation>
    </message>
    <message>
        <source>Pelatihan keterampilan</source>
        <translation>Skills training</translation>
    </message>
    <message>
        <source>Aplikasi keterampilan (bantuan usaha)</source>
        <translation>Applying the skills (business grant)</translation>
    </message>
    <message>
        <source>Pendampingan berkelanjutan</source>
        <translation>Ongoing mentoring</translation>
    </message>
</context>
</TS>
