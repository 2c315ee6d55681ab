"""Given names and surnames written by hand for this set: cultures from outside Western Europe.

Every name here is a common real name of its culture, typed from general knowledge, not copied from any name list
or dataset. Surnames written "m/f" have a masculine and a feminine form.
"""

# ruff: noqa: RUF001, RUF003 - Turkish dotless ı is a letter of these names, not a look-alike of i
from __future__ import annotations

from bench.heldout2.culture import Culture

WORLD: tuple[Culture, ...] = (
    Culture(
        "turkish",
        "Ayşe, Zeynep, Elif, Selin, Büşra, Ebru, Cansu, Şule, Merve, Gülay, Esra, Derya, Sibel, Özlem, İrem",
        "Mehmet, Emre, Burak, Murat, Gökhan, Oğuz, Kaan, Hüseyin, Yusuf, Serkan, Volkan, Cem, Tolga, Barış, İlker",
        "Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Aydın, Öztürk, Arslan, Doğan, Kılıç, Aslan, Çetin, Koç, Kurt,"
        " Özdemir, Güneş, Karadağ",
        fold=0.3,  # in Germany and the Netherlands Turkish names are often written without ş, ı, ğ
    ),
    Culture(
        "vietnamese",
        "Linh, Hương, Thảo, Lan, Phương, Ngọc, Trang, Thu, Hạnh, Mai, Yến, Nhung, Hằng, Diệp, Vy",
        "Minh, Tuấn, Hùng, Quang, Dũng, Khoa, Hải, Long, Đức, Thắng, Bảo, Huy, Nam, Phúc, Trung",
        "Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng, Bùi, Đỗ, Hồ, Ngô, Dương, Lý",
        family_first=0.5,
        fold=0.4,
        middle_f="Thị, Ngọc, Thanh, Thu",
        middle_m="Văn, Đức, Minh, Quốc",
    ),
    Culture(
        "somali",
        "Hodan, Faadumo, Ayaan, Sagal, Nimco, Ifrah, Hibo, Cawo, Ubah, Deeqa, Sahra, Hamdi, Muna, Ladan, Ruqia",
        "Abdirahman, Hamse, Liban, Abdiweli, Guled, Mahad, Bashir, Abdullahi, Yasin, Cabdi, Shire, Ilyas, Khadar,"
        " Mukhtar, Sakariye",
        "Warsame, Farah, Jama, Hassan, Abdi, Osman, Egal, Nur, Ali, Yusuf, Dirie, Mohamud, Hersi, Aden, Samatar,"
        " Ismail, Duale, Gedi",
        surname_style="somali",  # given + father's name + grandfather's name, the last two as "surname"
    ),
    Culture(
        "akan",
        "Ama, Akua, Adwoa, Abena, Efua, Afua, Yaa, Esi, Akosua, Afia, Araba, Adjoa, Ekua, Serwaa, Maame",
        "Kwame, Kofi, Yaw, Kwabena, Kwaku, Kojo, Kwesi, Kwadwo, Kwasi, Kobina, Fiifi, Ekow, Kweku, Nana, Paa",
        "Mensah, Owusu, Boateng, Asante, Osei, Appiah, Agyeman, Amoah, Ofori, Darko, Boakye, Antwi, Frimpong,"
        " Sarpong, Acheampong, Bonsu, Gyamfi, Asamoah",
    ),
    Culture(
        "ewe",
        "Dzifa, Elikem, Sena, Delali, Kafui, Yayra, Enyonam, Etornam, Mawuena, Eyram, Fafali, Afi, Akpene, Xornam,"
        " Kekeli",
        "Edem, Selorm, Mawuli, Senyo, Dela, Kodzo, Komla, Kossi, Elorm, Delanyo, Korku, Sedem, Selasi, Mawunyo, Yao",
        "Agbeko, Ahiable, Dzidzienyo, Kpodo, Adzraku, Amenyo, Tsikata, Dogbe, Gbeho, Fiagbe, Ahadzie, Dzokoto,"
        " Kudjawu, Akakpo, Agbodza, Gadzekpo, Amegashie, Kumordzi",
    ),
    Culture(
        "ga",
        "Dedei, Korkor, Akweley, Adjeley, Lamiokor, Okailey, Shika, Naki, Odarley, Akuorkor, Adoley, Tsotsoo, Ayeley,"
        " Kaki, Naa Densua",
        "Tetteh, Lartey, Ashie, Odoi, Kpakpo, Okai, Oko, Ayi, Amartey, Kotei, Tawiah, Ako, Annan, Adjetey, Nii Armah",
        "Quaye, Tagoe, Lamptey, Quartey, Ankrah, Addo, Nortey, Ashitey, Sowah, Laryea, Armah, Okine, Aryeetey, Kotey,"
        " Dodoo, Neequaye, Allotey, Adjei",
    ),
    Culture(
        "nigerian",
        "Ngozi, Folake, Chiamaka, Funmilayo, Ifeoma, Yetunde, Zainab, Adaeze, Titilayo, Nneka, Bisola, Amaka, Halima,"
        " Temitope, Chioma",
        "Chinedu, Oluwaseun, Adebayo, Emeka, Babatunde, Obinna, Tunde, Uche, Chukwuemeka, Aminu, Olumide, Ikenna,"
        " Segun, Musa, Kelechi",
        "Okafor, Adeyemi, Okonkwo, Balogun, Eze, Nwosu, Ogunleye, Obi, Abubakar, Okeke, Adewale, Chukwu, Oladipo,"
        " Nwachukwu, Akinola, Olaniyan, Bello, Uzoma",
    ),
    Culture(
        "arabic",
        "Fatima, Layla, Noor, Yasmin, Rania, Salma, Hanan, Amira, Mariam, Samira, Khadija, Dalia, Houda, Nadia, Rim",
        "Ahmed, Omar, Khalid, Youssef, Karim, Tariq, Hamza, Bilal, Mahmoud, Walid, Rachid, Samir, Mustafa, Ibrahim,"
        " Nabil",
        "Al-Masri, El Amrani, Haddad, Khoury, Mansour, Nasser, Saleh, Al-Farsi, Benali, Bouzid, Hamdan, Darwish,"
        " Aziz, Khalil, El Idrissi, Belkacem, Qasim, Ben Youssef",
    ),
    Culture(
        "persian",
        "Shirin, Parisa, Mahsa, Nazanin, Roya, Golnaz, Setareh, Maryam, Azadeh, Niloufar, Farnaz, Shabnam, Mina,"
        " Taraneh, Yasaman",
        "Dariush, Kourosh, Babak, Arash, Reza, Mehdi, Farhad, Behnam, Kian, Payam, Siamak, Omid, Navid, Ramin, Shahram",
        "Hosseini, Rahimi, Mohammadi, Karimi, Tehrani, Rezaei, Ahmadi, Moradi, Jafari, Sadeghi, Ghorbani, Esfahani,"
        " Shirazi, Farahani, Kazemi, Najafi, Tabrizi, Hashemi",
    ),
    Culture(
        "indian",
        "Priya, Ananya, Kavya, Deepika, Lakshmi, Sneha, Aishwarya, Pooja, Meera, Divya, Shreya, Nandini, Harpreet,"
        " Swati, Revathi",
        "Arjun, Rohan, Vikram, Rahul, Sanjay, Aditya, Karthik, Venkatesh, Suresh, Anil, Rajesh, Gurpreet, Siddharth,"
        " Pranav, Manoj",
        "Sharma, Patel, Iyer, Reddy, Nair, Gupta, Singh, Menon, Chatterjee, Banerjee, Krishnan, Desai, Joshi, Rao,"
        " Kulkarni, Pillai, Agarwal, Mukherjee",
    ),
    Culture(
        "chinese",
        "Jing, Xinyi, Yanling, Jiayi, Tingting, Fang, Xiaohong, Meiling, Yuqing, Shuang, Huimin, Lina, Wenjing, Ruoxi,"
        " Zihan",
        "Wei, Haoran, Zhiwei, Yuxuan, Mingyu, Lei, Jun, Xiaoming, Jianguo, Hao, Tianyi, Zhenyu, Bowen, Kai, Chenglong",
        "Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao, Wu, Zhou, Xu, Sun, Ma, Zhu, Hu, Guo, Lin, He, Gao, Luo",
        family_first=0.3,
    ),
    Culture(
        "korean",
        "Seo-yeon, Min-ji, Ha-eun, Soo-jin, Ji-yeon, Eun-ji, Yu-na, Ji-hye, Hye-jin, Da-eun, Ye-jin, Su-bin, Na-young,"
        " Jae-hee, Mi-rae",
        "Min-jun, Ji-hoon, Seung-hyun, Dong-hyun, Jae-won, Hyun-woo, Sung-min, Tae-yang, Joon-ho, Woo-jin, Sang-hoon,"
        " Do-yoon, Kyung-soo, Jin-woo, Young-ho",
        "Kim, Lee, Park, Choi, Jung, Kang, Cho, Yoon, Jang, Lim, Han, Oh, Seo, Shin, Kwon, Hwang, Ahn, Song",
        family_first=0.3,
    ),
    Culture(
        "japanese",
        "Yuki, Haruka, Aoi, Sakura, Yui, Misaki, Emi, Keiko, Ayaka, Mei, Rin, Nanami, Hinata, Chihiro, Asuka",
        "Haruto, Takumi, Kenji, Hiroshi, Daiki, Sota, Yuto, Ren, Kazuki, Shota, Takeshi, Ryo, Kenta, Naoki, Tatsuya",
        "Sato, Suzuki, Takahashi, Tanaka, Watanabe, Ito, Yamamoto, Nakamura, Kobayashi, Kato, Yoshida, Yamada,"
        " Sasaki, Matsumoto, Inoue, Kimura, Hayashi, Shimizu",
        family_first=0.2,
    ),
)
