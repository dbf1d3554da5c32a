"""Word lists for the synthetic caseload (``demo_data``): personal names typical of West Java
(Sundanese first, then Javanese, Betawi and general Muslim names), street and kampung names, phone
prefixes and banks.

Names are grouped by sex and by generation because naming fashions changed: people born before 1965
mostly carry one traditional name (Icih, Karta), the middle generation the familiar two-part
Sundanese names (Asep Saepudin, Euis Komariah), and children modern Arabic-Indonesian names
(Muhammad Rizky Pratama, Nabila Azzahra). A few Sundanese names also appear with the é that some
families write (Dédé, Enéng, Cécép) so that diacritic-insensitive search has something to find.
"""

from __future__ import annotations

OLD_GENERATION_BEFORE = 1965
YOUNG_GENERATION_FROM = 1995

MALE_OLD = (
    "Karta", "Sarmin", "Udin", "Encep", "Engkos", "Endang", "Enjang", "Ohim", "Odang", "Oman", "Otong",
    "Ujang", "Usep", "Uus", "Entis", "Emud", "Amin", "Apud", "Atang", "Dadi", "Darma", "Dudung", "Jaja",
    "Maman", "Momon", "Nana", "Oyo", "Rahmat", "Sukarna", "Suherman", "Sutisna", "Tatang", "Toto", "Yaya",
    "Yayat", "Mamat", "Sanusi", "Rojali", "Mursid", "Sarip", "Kosim", "Karsa", "Slamet", "Sugeng", "Paiman",
    "Tukiman", "Sukirman", "Parjo", "Sumarno", "Rohim", "Muhidin", "Jaelani", "Eman", "Abdul",
)  # fmt: skip

MALE_MIDDLE = (
    "Asep", "Asep", "Asep", "Ade", "Agus", "Aep", "Cecep", "Cecep", "Dadang", "Dede", "Dede", "Deden", "Dedi",
    "Dodi", "Endang", "Iwan", "Irwan", "Hendra", "Heri", "Jajang", "Rudi", "Dani", "Yudi", "Yusuf", "Ahmad",
    "Budi", "Joko", "Bambang", "Eko", "Hadi", "Iman", "Rahmat", "Ridwan", "Saepul", "Ujang", "Ujang", "Usep",
    "Wawan", "Yana", "Yayan", "Andi", "Dadan", "Didin", "Opik", "Ayi", "Ikin", "Aang", "Entis", "Nandang",
    "Acep", "Engkus", "Eman", "Mulyadi", "Sopian", "Supriadi", "Suparman", "Nurdin", "Hasan", "Husen",
    "Abdul", "Muhammad", "Arif", "Firman", "Gunawan", "Sutrisno", "Mamat", "Udin", "Rohman", "Jaenudin",
)  # fmt: skip

MALE_YOUNG = (
    "Muhammad", "Muhammad", "Muhammad", "Ahmad", "Rizki", "Rizky", "Aditya", "Rafi", "Fadil", "Dzaki",
    "Raihan", "Alif", "Naufal", "Fajar", "Ilham", "Galih", "Bayu", "Dimas", "Farhan", "Ridho", "Arya",
    "Haikal", "Zidan", "Azka", "Fathan", "Rasya", "Daffa", "Rangga", "Yoga", "Irfan", "Akbar", "Fikri",
    "Hafiz", "Satria", "Gilang", "Reza", "Rehan", "Ikhsan", "Wildan", "Dede", "Cecep", "Asep", "Abdul",
)  # fmt: skip

MALE_SECOND = (
    "Saepudin", "Suryana", "Hidayat", "Rahmat", "Sopandi", "Supriatna", "Kurniawan", "Setiawan", "Gunawan",
    "Firmansyah", "Hermawan", "Permana", "Mulyana", "Sukmana", "Ruhiyat", "Sumarna", "Rustandi", "Nurdin",
    "Maulana", "Ramdani", "Hermansyah", "Saputra", "Hidayatulloh", "Sobari", "Sudrajat", "Kusnadi",
    "Sunarya", "Sulaeman", "Syarifudin", "Wijaya", "Prasetyo", "Santoso", "Susanto", "Nugraha", "Ruhimat",
    "Abdullah", "Rohman", "Fauzi", "Kosasih", "Suhendar", "Junaedi", "Mulyadi", "Zaenal", "Ardiansyah",
    "Wibowo", "Purnomo", "Hartono", "Suwarno", "Iskandar", "Effendi",
)  # fmt: skip

MALE_SECOND_YOUNG = (
    "Pratama", "Saputra", "Ramadhan", "Maulana", "Firmansyah", "Hidayat", "Nugraha", "Permana", "Fauzan",
    "Alfarizi", "Al Fatih", "Akbar", "Ramdani", "Setiawan", "Kurniawan", "Hakim", "Rizki", "Aditya",
    "Putra", "Syahputra", "Ardiansyah", "Maulidan",
)  # fmt: skip

FEMALE_OLD = (
    "Icih", "Enah", "Onih", "Oom", "Inah", "Odah", "Karsih", "Warsih", "Enok", "Eneh", "Imas", "Ijah",
    "Iyah", "Entin", "Omah", "Ecin", "Cicih", "Atikah", "Aminah", "Fatimah", "Sumiati", "Suminah", "Tarsih",
    "Sukaesih", "Juju", "Yoyoh", "Popon", "Aisah", "Rukmini", "Painem", "Tukinem", "Suparmi", "Sainah",
    "Saodah", "Maemunah", "Romlah", "Saidah", "Maesaroh", "Dedeh", "Siti", "Nyai",
)  # fmt: skip

FEMALE_MIDDLE = (
    "Euis", "Euis", "Eneng", "Eneng", "Neng", "Iis", "Tati", "Yati", "Cucu", "Imas", "Nining", "Nunung",
    "Siti", "Siti", "Siti", "Neneng", "Yanti", "Ela", "Lilis", "Dewi", "Sri", "Nur", "Ai", "Rina", "Rini",
    "Wati", "Yuyun", "Ika", "Enden", "Titin", "Yeni", "Nani", "Ani", "Heni", "Yuli", "Elis", "Tuti", "Ratna",
    "Dede", "Enung", "Eti", "Ida", "Lia", "Mimin", "Nenden", "Rohaeti", "Wartini", "Sumarni", "Mulyati",
    "Maryati", "Rohimah", "Rosita", "Sri", "Endah",
)  # fmt: skip

FEMALE_YOUNG = (
    "Putri", "Siti", "Siti", "Nabila", "Aulia", "Zahra", "Salsabila", "Alya", "Keisha", "Nayla", "Citra",
    "Dewi", "Nur", "Intan", "Anisa", "Rahma", "Syifa", "Aisyah", "Azzahra", "Dinda", "Fitri", "Khaira",
    "Naura", "Kirana", "Nadia", "Rani", "Sinta", "Tiara", "Wulan", "Yulia", "Zaskia", "Neng", "Eneng",
    "Mutiara", "Hilya", "Adinda", "Silvi", "Winda", "Dede",
)  # fmt: skip

FEMALE_SECOND = (
    "Komariah", "Rohmah", "Aisyah", "Nurhayati", "Rahmawati", "Kurniasih", "Sumiati", "Mulyani",
    "Herawati", "Setiawati", "Marlina", "Rosmiati", "Suryani", "Fitriani", "Lestari", "Nurjanah", "Hasanah",
    "Maryam", "Solihah", "Rohaeni", "Hayati", "Kartika", "Sulastri", "Maesaroh", "Jubaedah", "Nurlela",
    "Sopiah", "Mardiah", "Rostika", "Juariah", "Sukmawati", "Wahyuni", "Handayani", "Susilawati", "Yulianti",
    "Wahyuningsih", "Rahayu", "Sulistyowati", "Pratiwi", "Nurhasanah",
)  # fmt: skip

FEMALE_SECOND_YOUNG = (
    "Rahmawati", "Nurhaliza", "Ramadhani", "Lestari", "Aprilia", "Safitri", "Anggraini", "Maharani",
    "Azzahra", "Puspita", "Oktaviani", "Permatasari", "Fitriani", "Nuraini", "Agustina", "Febriani",
    "Utami", "Amelia", "Khairunnisa", "Kamila", "Aulia", "Nurfadilah",
)  # fmt: skip

ALWAYS_TWO_PART = frozenset({"Abdul", "Muhammad", "Siti", "Nur", "Neng", "Sri", "Ai", "Putri"})
"""First names that are hardly ever used alone."""

MUHAMMAD_SECOND = (
    "Rizki", "Rizky", "Fajar", "Ilham", "Rafi", "Fadil", "Alif", "Farhan", "Yusuf", "Iqbal", "Hasan", "Ridwan",
    "Akbar", "Ikhsan", "Nurdin", "Ramdan", "Yasin", "Haikal",
)  # fmt: skip

SECOND_AFTER: dict[str, tuple[str, ...]] = {
    "Abdul": ("Rohman", "Aziz", "Kodir", "Malik", "Gofur", "Rahim", "Halim", "Wahab", "Majid", "Latif", "Basir"),
    "Muhammad": MUHAMMAD_SECOND,
}
"""Second names that go with a particular first name (Abdul + one of God's names, Muhammad + a given name)."""

DIACRITIC_VARIANTS: dict[str, str] = {
    "Dede": "Dédé",
    "Dedeh": "Dédéh",
    "Deden": "Dédén",
    "Eneng": "Enéng",
    "Neneng": "Nénéng",
    "Cecep": "Cécép",
    "Endang": "Éndang",
    "Enden": "Endén",
    "Nenden": "Nénden",
    "Enok": "Énok",
    "Eneh": "Énéh",
    "Ecin": "Écin",
    "Eti": "Éti",
    "Elis": "Élis",
    "Heni": "Héni",
    "Yeni": "Yéni",
    "Eman": "Éman",
    "Engkos": "Éngkos",
}
"""Sundanese names some families spell with é (the keys are how the same names are usually written)."""

STREETS = (
    "Mawar", "Melati", "Kenanga", "Cempaka", "Anggrek", "Flamboyan", "Masjid", "Haji Saleh", "Haji Naim",
    "Pahlawan", "Merdeka", "Pemuda", "Sukamaju", "Sukajadi", "Sukasari", "Sukamanah", "Cibeureum",
    "Cikaret", "Babakan", "Pasir Angin", "Bojong", "Cimanggu", "Pancasan", "Kebon Jeruk", "Kebon Kopi",
    "Lebak", "Tegal", "Pesantren", "Cisadane", "Ciliwung", "Pajajaran", "Siliwangi", "Padasuka", "Nangka",
    "Rambutan", "Manggis", "Kelapa Dua", "Karya Bakti", "Swadaya", "Pondok", "Pasar", "Kaum", "Raya Tajur",
    "Kapten Muslihat", "Mayor Oking", "Ahmad Yani", "Dewi Sartika",
)  # fmt: skip

GANGS = (
    "Mawar", "Masjid", "Haji Saleh", "Buntu", "Kelinci", "Ikhlas", "Damai", "Sukun", "Belimbing", "Kober",
    "Kramat", "Bata", "Sawo", "Al Barkah", "Al Hidayah", "Mushola", "Kenari", "Jambu", "Delima", "Salak",
    "Bambu", "Haji Dul", "Bhakti", "Rukun", "Kenanga", "Pinang", "Randu", "Leuwi",
)  # fmt: skip

KAMPUNGS = (
    "Cibeureum", "Sukamanah", "Bojong", "Pasir Angin", "Kebon Kopi", "Lebak", "Babakan", "Cilendek",
    "Cimanggu", "Sindang", "Muara", "Pabuaran", "Cipayung", "Tegal", "Rawa", "Cisalada", "Kaum", "Pondok",
    "Ciheuleut", "Kramat", "Sawah", "Bantar", "Cilember", "Pasir Jambu", "Lio", "Warung Jambu", "Neglasari",
    "Sukaraja", "Cijulang", "Leuwi Sadeng", "Cibalagung", "Gunung Gede",
)  # fmt: skip

PHONE_PREFIXES = (
    "0811", "0812", "0813", "0821", "0822", "0823", "0852", "0853", "0856", "0857", "0858", "0817", "0818",
    "0819", "0859", "0877", "0878", "0895", "0896", "0897", "0898", "0899", "0831", "0838", "0881", "0882",
)  # fmt: skip

BANKS = (("BRI", 15), ("BNI", 10), ("Mandiri", 13), ("BTN", 16), ("BSI", 10))
"""Banks that pay PKH (Himbara and BSI) with the length of their account numbers."""
BANK_WEIGHTS = (40, 35, 12, 5, 8)

STATUS_REASONS_INACTIVE = (
    "Tidak ditemukan saat verifikasi",
    "Tidak memenuhi syarat komponen",
    "Pindah domisili",
    "Menolak menerima bantuan",
)
