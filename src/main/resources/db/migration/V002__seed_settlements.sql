-- Seed data: settlements of Nagorno-Karabakh and the adjacent districts, and the
-- places in Armenia where displaced families stay now (reception = TRUE).
--
-- Source: public geographic names as used by each naming tradition (Armenian and
-- Azerbaijani official and common usage, with their usual Russian and English
-- renderings). Coordinates are approximate, to about 1 km (4 decimals of a degree);
-- they locate the settlement, they are not survey data.
--
-- Names: every settlement gets the name of both traditions; neither is preferred.
--   tradition HY: lang hy (Armenian script), en, ru
--   tradition AZ: lang az (Azerbaijani Latin), en, ru
--   Where both traditions use the same or a near-same name (Hadrut, Sos, Chartar,
--   Khachmach) both rows are still stored. Reception locations in Armenia carry the
--   HY tradition only.
-- district: "<Artsakh-era province> / <Azerbaijani district>" where they differ.
--
-- return_status is the situation right after the ceasefire statement of 10 Nov 2020,
-- for the return of displaced ethnic-Armenian residents:
--   OPEN       stayed within the area of the Russian peacekeeping mission; return possible
--   RESTRICTED on or next to the new contact line, or inside the Lachin corridor;
--              return possible only with restrictions
--   CLOSED     came under Azerbaijani control (taken in the war, or handed over under
--              the statement); no return
-- Reception locations in Armenia are OPEN (families can stay there).
-- Status is a planning aid and must be reviewed as the situation changes.


-- Stepanakert / Khankendi
INSERT INTO settlement (code, district, latitude, longitude, kind, reception, return_status) VALUES ('NK-STP', 'Stepanakert / Khankendi', 39.8153, 46.7519, 'CITY', FALSE, 'OPEN');
INSERT INTO settlement_name (settlement_id, tradition, lang, name) VALUES
    ((SELECT id FROM settlement WHERE code = 'NK-STP'), 'HY', 'hy', 'Ստեփանակերտ'),
    ((SELECT id FROM settlement WHERE code = 'NK-STP'), 'HY', 'en', 'Stepanakert'),
    ((SELECT id FROM settlement WHERE code = 'NK-STP'), 'HY', 'ru', 'Степанакерт'),
    ((SELECT id FROM settlement WHERE code = 'NK-STP'), 'AZ', 'az', 'Xankəndi'),
    ((SELECT id FROM settlement WHERE code = 'NK-STP'), 'AZ', 'en', 'Khankendi'),
    ((SELECT id FROM settlement WHERE code = 'NK-STP'), 'AZ', 'ru', 'Ханкенди');

-- Shushi / Shusha (under Azerbaijani control since 8 Nov 2020)
INSERT INTO settlement (code, district, latitude, longitude, kind, reception, return_status) VALUES ('NK-SHU', 'Shushi / Shusha', 39.7583, 46.7483, 'CITY', FALSE, 'CLOSED');
INSERT INTO settlement_name (settlement_id, tradition, lang, name) VALUES
    ((SELECT id FROM settlement WHERE code = 'NK-SHU'), 'HY', 'hy', 'Շուշի'),
    ((SELECT id FROM settlement WHERE code = 'NK-SHU'), 'HY', 'en', 'Shushi'),
    ((SELECT id FROM settlement WHERE code = 'NK-SHU'), 'HY', 'ru', 'Шуши'),
    ((SELECT id FROM settlement WHERE code = 'NK-SHU'), 'AZ', 'az', 'Şuşa'),
    ((SELECT id FROM settlement WHERE code = 'NK-SHU'), 'AZ', 'en', 'Shusha'),
    ((SELECT id FROM settlement WHERE code = 'NK-SHU'), 'AZ', 'ru', 'Шуша');

-- Karin Tak / Dashalty (taken 9 Nov 2020)
INSERT INTO settlement (code, district, latitude, longitude, kind, reception, return_status) VALUES ('NK-KTK', 'Shushi / Shusha', 39.7417, 46.7492, 'VILLAGE', FALSE, 'CLOSED');
INSERT INTO settlement_name (settlement_id, tradition, lang, name) VALUES
    ((SELECT id FROM settlement WHERE code = 'NK-KTK'), 'HY', 'hy', 'Քարին Տակ'),
    ((SELECT id FROM settlement WHERE code = 'NK-KTK'), 'HY', 'en', 'Karin Tak'),
    ((SELECT id FROM settlement WHERE code = 'NK-KTK'), 'HY', 'ru', 'Карин Так'),
    ((SELECT id FROM settlement WHERE code = 'NK-KTK'), 'AZ', 'az', 'Daşaltı'),
    ((SELECT id FROM settlement WHERE code = 'NK-KTK'), 'AZ', 'en', 'Dashalty'),
    ((SELECT id FROM settlement WHERE code = 'NK-KTK'), 'AZ', 'ru', 'Дашалты');

-- Martakert / Aghdara
INSERT INTO settlement (code, district, latitude, longitude, kind, reception, return_status) VALUES ('NK-MKT', 'Martakert / Tartar', 40.2153, 46.8128, 'TOWN', FALSE, 'OPEN');
INSERT INTO settlement_name (settlement_id, tradition, lang, name) VALUES
    ((SELECT id FROM settlement WHERE code = 'NK-MKT'), 'HY', 'hy', 'Մարտակերտ'),
    ((SELECT id FROM settlement WHERE code = 'NK-MKT'), 'HY', 'en', 'Martakert'),
    ((SELECT id FROM settlement WHERE code = 'NK-MKT'), 'HY', 'ru', 'Мартакерт'),
    ((SELECT id FROM settlement WHERE code = 'NK-MKT'), 'AZ', 'az', 'Ağdərə'),
    ((SELECT id FROM settlement WHERE code = 'NK-MKT'), 'AZ', 'en', 'Aghdara'),
    ((SELECT id FROM settlement WHERE code = 'NK-MKT'), 'AZ', 'ru', 'Агдере');

-- Talish / Talish (taken in October 2020)
INSERT INTO settlement (code, district, latitude, longitude, kind, reception, return_status) VALUES ('NK-TLS', 'Martakert / Tartar', 40.3814, 46.7408, 'VILLAGE', FALSE, 'CLOSED');
INSERT INTO settlement_name (settlement_id, tradition, lang, name) VALUES
    ((SELECT id FROM settlement WHERE code = 'NK-TLS'), 'HY', 'hy', 'Թալիշ'),
    ((SELECT id FROM settlement WHERE code = 'NK-TLS'), 'HY', 'en', 'Talish'),
    ((SELECT id FROM settlement WHERE code = 'NK-TLS'), 'HY', 'ru', 'Талиш'),
    ((SELECT id FROM settlement WHERE code = 'NK-TLS'), 'AZ', 'az', 'Talış'),
    ((SELECT id FROM settlement WHERE code = 'NK-TLS'), 'AZ', 'en', 'Talish'),
    ((SELECT id FROM settlement WHERE code = 'NK-TLS'), 'AZ', 'ru', 'Талыш');

-- Mataghis / Sugovushan (taken 3 Oct 2020)
INSERT INTO settlement (code, district, latitude, longitude, kind, reception, return_status) VALUES ('NK-MTG', 'Martakert / Tartar', 40.3270, 46.7510, 'VILLAGE', FALSE, 'CLOSED');
INSERT INTO settlement_name (settlement_id, tradition, lang, name) VALUES
    ((SELECT id FROM settlement WHERE code = 'NK-MTG'), 'HY', 'hy', 'Մատաղիս'),
    ((SELECT id FROM settlement WHERE code = 'NK-MTG'), 'HY', 'en', 'Mataghis'),
    ((SELECT id FROM settlement WHERE code = 'NK-MTG'), 'HY', 'ru', 'Матагис'),
    ((SELECT id FROM settlement WHERE code = 'NK-MTG'), 'AZ', 'az', 'Suqovuşan'),
    ((SELECT id FROM settlement WHERE code = 'NK-MTG'), 'AZ', 'en', 'Sugovushan'),
    ((SELECT id FROM settlement WHERE code = 'NK-MTG'), 'AZ', 'ru', 'Суговушан');

-- Drmbon / Heyvali
INSERT INTO settlement (code, district, latitude, longitude, kind, reception, return_status) VALUES ('NK-DRM', 'Martakert / Kalbajar', 40.1467, 46.6075, 'VILLAGE', FALSE, 'OPEN');
INSERT INTO settlement_name (settlement_id, tradition, lang, name) VALUES
    ((SELECT id FROM settlement WHERE code = 'NK-DRM'), 'HY', 'hy', 'Դրմբոն'),
    ((SELECT id FROM settlement WHERE code = 'NK-DRM'), 'HY', 'en', 'Drmbon'),
    ((SELECT id FROM settlement WHERE code = 'NK-DRM'), 'HY', 'ru', 'Дрмбон'),
    ((SELECT id FROM settlement WHERE code = 'NK-DRM'), 'AZ', 'az', 'Heyvalı'),
    ((SELECT id FROM settlement WHERE code = 'NK-DRM'), 'AZ', 'en', 'Heyvali'),
    ((SELECT id FROM settlement WHERE code = 'NK-DRM'), 'AZ', 'ru', 'Гейвалы');

-- Vank / Vangli
INSERT INTO settlement (code, district, latitude, longitude, kind, reception, return_status) VALUES ('NK-VNK', 'Martakert / Kalbajar', 40.0578, 46.5456, 'VILLAGE', FALSE, 'OPEN');
INSERT INTO settlement_name (settlement_id, tradition, lang, name) VALUES
    ((SELECT id FROM settlement WHERE code = 'NK-VNK'), 'HY', 'hy', 'Վանք'),
    ((SELECT id FROM settlement WHERE code = 'NK-VNK'), 'HY', 'en', 'Vank'),
    ((SELECT id FROM settlement WHERE code = 'NK-VNK'), 'HY', 'ru', 'Ванк'),
    ((SELECT id FROM settlement WHERE code = 'NK-VNK'), 'AZ', 'az', 'Vəngli'),
    ((SELECT id FROM settlement WHERE code = 'NK-VNK'), 'AZ', 'en', 'Vangli'),
    ((SELECT id FROM settlement WHERE code = 'NK-VNK'), 'AZ', 'ru', 'Венгли');

-- Haterk / Hasanriz
INSERT INTO settlement (code, district, latitude, longitude, kind, reception, return_status) VALUES ('NK-HTK', 'Martakert / Kalbajar', 40.1678, 46.5178, 'VILLAGE', FALSE, 'OPEN');
INSERT INTO settlement_name (settlement_id, tradition, lang, name) VALUES
    ((SELECT id FROM settlement WHERE code = 'NK-HTK'), 'HY', 'hy', 'Հաթերք'),
    ((SELECT id FROM settlement WHERE code = 'NK-HTK'), 'HY', 'en', 'Haterk'),
    ((SELECT id FROM settlement WHERE code = 'NK-HTK'), 'HY', 'ru', 'Атерк'),
    ((SELECT id FROM settlement WHERE code = 'NK-HTK'), 'AZ', 'az', 'Həsənriz'),
    ((SELECT id FROM settlement WHERE code = 'NK-HTK'), 'AZ', 'en', 'Hasanriz'),
    ((SELECT id FROM settlement WHERE code = 'NK-HTK'), 'AZ', 'ru', 'Гасанриз');

-- Kichan / Ballygaya (on the new contact line after Aghdam district was handed over)
INSERT INTO settlement (code, district, latitude, longitude, kind, reception, return_status) VALUES ('NK-KCH', 'Martakert / Aghdam', 40.0625, 46.6733, 'VILLAGE', FALSE, 'RESTRICTED');
INSERT INTO settlement_name (settlement_id, tradition, lang, name) VALUES
    ((SELECT id FROM settlement WHERE code = 'NK-KCH'), 'HY', 'hy', 'Կիչան'),
    ((SELECT id FROM settlement WHERE code = 'NK-KCH'), 'HY', 'en', 'Kichan'),
    ((SELECT id FROM settlement WHERE code = 'NK-KCH'), 'HY', 'ru', 'Кичан'),
    ((SELECT id FROM settlement WHERE code = 'NK-KCH'), 'AZ', 'az', 'Ballıqaya'),
    ((SELECT id FROM settlement WHERE code = 'NK-KCH'), 'AZ', 'en', 'Ballygaya'),
    ((SELECT id FROM settlement WHERE code = 'NK-KCH'), 'AZ', 'ru', 'Баллыгая');

-- Askeran / Asgaran
INSERT INTO settlement (code, district, latitude, longitude, kind, reception, return_status) VALUES ('NK-ASK', 'Askeran / Khojaly', 39.9367, 46.8328, 'TOWN', FALSE, 'OPEN');
INSERT INTO settlement_name (settlement_id, tradition, lang, name) VALUES
    ((SELECT id FROM settlement WHERE code = 'NK-ASK'), 'HY', 'hy', 'Ասկերան'),
    ((SELECT id FROM settlement WHERE code = 'NK-ASK'), 'HY', 'en', 'Askeran'),
    ((SELECT id FROM settlement WHERE code = 'NK-ASK'), 'HY', 'ru', 'Аскеран'),
    ((SELECT id FROM settlement WHERE code = 'NK-ASK'), 'AZ', 'az', 'Əsgəran'),
    ((SELECT id FROM settlement WHERE code = 'NK-ASK'), 'AZ', 'en', 'Asgaran'),
    ((SELECT id FROM settlement WHERE code = 'NK-ASK'), 'AZ', 'ru', 'Асгеран');

-- Ivanyan / Khojaly
INSERT INTO settlement (code, district, latitude, longitude, kind, reception, return_status) VALUES ('NK-IVN', 'Askeran / Khojaly', 39.9111, 46.7892, 'TOWN', FALSE, 'OPEN');
INSERT INTO settlement_name (settlement_id, tradition, lang, name) VALUES
    ((SELECT id FROM settlement WHERE code = 'NK-IVN'), 'HY', 'hy', 'Իվանյան'),
    ((SELECT id FROM settlement WHERE code = 'NK-IVN'), 'HY', 'en', 'Ivanyan'),
    ((SELECT id FROM settlement WHERE code = 'NK-IVN'), 'HY', 'ru', 'Иванян'),
    ((SELECT id FROM settlement WHERE code = 'NK-IVN'), 'AZ', 'az', 'Xocalı'),
    ((SELECT id FROM settlement WHERE code = 'NK-IVN'), 'AZ', 'en', 'Khojaly'),
    ((SELECT id FROM settlement WHERE code = 'NK-IVN'), 'AZ', 'ru', 'Ходжалы');

-- Khachmach / Khachmach
INSERT INTO settlement (code, district, latitude, longitude, kind, reception, return_status) VALUES ('NK-KHM', 'Askeran / Khojaly', 39.7525, 46.8742, 'VILLAGE', FALSE, 'OPEN');
INSERT INTO settlement_name (settlement_id, tradition, lang, name) VALUES
    ((SELECT id FROM settlement WHERE code = 'NK-KHM'), 'HY', 'hy', 'Խաչմաչ'),
    ((SELECT id FROM settlement WHERE code = 'NK-KHM'), 'HY', 'en', 'Khachmach'),
    ((SELECT id FROM settlement WHERE code = 'NK-KHM'), 'HY', 'ru', 'Хачмач'),
    ((SELECT id FROM settlement WHERE code = 'NK-KHM'), 'AZ', 'az', 'Xaçmaç'),
    ((SELECT id FROM settlement WHERE code = 'NK-KHM'), 'AZ', 'en', 'Khachmach'),
    ((SELECT id FROM settlement WHERE code = 'NK-KHM'), 'AZ', 'ru', 'Хачмач');

-- Akna / Aghdam (handed over 20 Nov 2020)
INSERT INTO settlement (code, district, latitude, longitude, kind, reception, return_status) VALUES ('NK-AKN', 'Askeran / Aghdam', 39.9931, 46.9306, 'TOWN', FALSE, 'CLOSED');
INSERT INTO settlement_name (settlement_id, tradition, lang, name) VALUES
    ((SELECT id FROM settlement WHERE code = 'NK-AKN'), 'HY', 'hy', 'Ակնա'),
    ((SELECT id FROM settlement WHERE code = 'NK-AKN'), 'HY', 'en', 'Akna'),
    ((SELECT id FROM settlement WHERE code = 'NK-AKN'), 'HY', 'ru', 'Акна'),
    ((SELECT id FROM settlement WHERE code = 'NK-AKN'), 'AZ', 'az', 'Ağdam'),
    ((SELECT id FROM settlement WHERE code = 'NK-AKN'), 'AZ', 'en', 'Aghdam'),
    ((SELECT id FROM settlement WHERE code = 'NK-AKN'), 'AZ', 'ru', 'Агдам');

-- Martuni / Khojavend
INSERT INTO settlement (code, district, latitude, longitude, kind, reception, return_status) VALUES ('NK-MRT', 'Martuni / Khojavend', 39.7953, 47.1131, 'TOWN', FALSE, 'OPEN');
INSERT INTO settlement_name (settlement_id, tradition, lang, name) VALUES
    ((SELECT id FROM settlement WHERE code = 'NK-MRT'), 'HY', 'hy', 'Մարտունի'),
    ((SELECT id FROM settlement WHERE code = 'NK-MRT'), 'HY', 'en', 'Martuni'),
    ((SELECT id FROM settlement WHERE code = 'NK-MRT'), 'HY', 'ru', 'Мартуни'),
    ((SELECT id FROM settlement WHERE code = 'NK-MRT'), 'AZ', 'az', 'Xocavənd'),
    ((SELECT id FROM settlement WHERE code = 'NK-MRT'), 'AZ', 'en', 'Khojavend'),
    ((SELECT id FROM settlement WHERE code = 'NK-MRT'), 'AZ', 'ru', 'Ходжавенд');

-- Chartar / Chartar
INSERT INTO settlement (code, district, latitude, longitude, kind, reception, return_status) VALUES ('NK-CHR', 'Martuni / Khojavend', 39.7581, 47.0161, 'TOWN', FALSE, 'OPEN');
INSERT INTO settlement_name (settlement_id, tradition, lang, name) VALUES
    ((SELECT id FROM settlement WHERE code = 'NK-CHR'), 'HY', 'hy', 'Ճարտար'),
    ((SELECT id FROM settlement WHERE code = 'NK-CHR'), 'HY', 'en', 'Chartar'),
    ((SELECT id FROM settlement WHERE code = 'NK-CHR'), 'HY', 'ru', 'Чартар'),
    ((SELECT id FROM settlement WHERE code = 'NK-CHR'), 'AZ', 'az', 'Çartar'),
    ((SELECT id FROM settlement WHERE code = 'NK-CHR'), 'AZ', 'en', 'Chartar'),
    ((SELECT id FROM settlement WHERE code = 'NK-CHR'), 'AZ', 'ru', 'Чартар');

-- Sos / Sos
INSERT INTO settlement (code, district, latitude, longitude, kind, reception, return_status) VALUES ('NK-SOS', 'Martuni / Khojavend', 39.7128, 47.0092, 'VILLAGE', FALSE, 'OPEN');
INSERT INTO settlement_name (settlement_id, tradition, lang, name) VALUES
    ((SELECT id FROM settlement WHERE code = 'NK-SOS'), 'HY', 'hy', 'Սոս'),
    ((SELECT id FROM settlement WHERE code = 'NK-SOS'), 'HY', 'en', 'Sos'),
    ((SELECT id FROM settlement WHERE code = 'NK-SOS'), 'HY', 'ru', 'Сос'),
    ((SELECT id FROM settlement WHERE code = 'NK-SOS'), 'AZ', 'az', 'Sos'),
    ((SELECT id FROM settlement WHERE code = 'NK-SOS'), 'AZ', 'en', 'Sos'),
    ((SELECT id FROM settlement WHERE code = 'NK-SOS'), 'AZ', 'ru', 'Сос');

-- Karmir Shuka / Girmizi Bazar
INSERT INTO settlement (code, district, latitude, longitude, kind, reception, return_status) VALUES ('NK-KSH', 'Martuni / Khojavend', 39.6758, 46.9486, 'VILLAGE', FALSE, 'OPEN');
INSERT INTO settlement_name (settlement_id, tradition, lang, name) VALUES
    ((SELECT id FROM settlement WHERE code = 'NK-KSH'), 'HY', 'hy', 'Կարմիր Շուկա'),
    ((SELECT id FROM settlement WHERE code = 'NK-KSH'), 'HY', 'en', 'Karmir Shuka'),
    ((SELECT id FROM settlement WHERE code = 'NK-KSH'), 'HY', 'ru', 'Кармир Шука'),
    ((SELECT id FROM settlement WHERE code = 'NK-KSH'), 'AZ', 'az', 'Qırmızı Bazar'),
    ((SELECT id FROM settlement WHERE code = 'NK-KSH'), 'AZ', 'en', 'Girmizi Bazar'),
    ((SELECT id FROM settlement WHERE code = 'NK-KSH'), 'AZ', 'ru', 'Гырмызы Базар');

-- Taghavard / Taghaverd (split by the contact line: lower part in the peacekeeping area, upper part under Azerbaijani control)
INSERT INTO settlement (code, district, latitude, longitude, kind, reception, return_status) VALUES ('NK-TGV', 'Martuni / Khojavend', 39.6681, 46.9202, 'VILLAGE', FALSE, 'RESTRICTED');
INSERT INTO settlement_name (settlement_id, tradition, lang, name) VALUES
    ((SELECT id FROM settlement WHERE code = 'NK-TGV'), 'HY', 'hy', 'Թաղավարդ'),
    ((SELECT id FROM settlement WHERE code = 'NK-TGV'), 'HY', 'en', 'Taghavard'),
    ((SELECT id FROM settlement WHERE code = 'NK-TGV'), 'HY', 'ru', 'Тагавард'),
    ((SELECT id FROM settlement WHERE code = 'NK-TGV'), 'AZ', 'az', 'Tağaverd'),
    ((SELECT id FROM settlement WHERE code = 'NK-TGV'), 'AZ', 'en', 'Taghaverd'),
    ((SELECT id FROM settlement WHERE code = 'NK-TGV'), 'AZ', 'ru', 'Тагаверд');

-- Hadrut / Hadrut (taken in October 2020)
INSERT INTO settlement (code, district, latitude, longitude, kind, reception, return_status) VALUES ('NK-HDR', 'Hadrut / Khojavend', 39.5167, 47.0300, 'TOWN', FALSE, 'CLOSED');
INSERT INTO settlement_name (settlement_id, tradition, lang, name) VALUES
    ((SELECT id FROM settlement WHERE code = 'NK-HDR'), 'HY', 'hy', 'Հադրութ'),
    ((SELECT id FROM settlement WHERE code = 'NK-HDR'), 'HY', 'en', 'Hadrut'),
    ((SELECT id FROM settlement WHERE code = 'NK-HDR'), 'HY', 'ru', 'Гадрут'),
    ((SELECT id FROM settlement WHERE code = 'NK-HDR'), 'AZ', 'az', 'Hadrut'),
    ((SELECT id FROM settlement WHERE code = 'NK-HDR'), 'AZ', 'en', 'Hadrut'),
    ((SELECT id FROM settlement WHERE code = 'NK-HDR'), 'AZ', 'ru', 'Гадрут');

-- Mets Tagher / Boyuk Taghlar (taken 9 Nov 2020)
INSERT INTO settlement (code, district, latitude, longitude, kind, reception, return_status) VALUES ('NK-MTH', 'Hadrut / Khojavend', 39.6183, 46.9547, 'VILLAGE', FALSE, 'CLOSED');
INSERT INTO settlement_name (settlement_id, tradition, lang, name) VALUES
    ((SELECT id FROM settlement WHERE code = 'NK-MTH'), 'HY', 'hy', 'Մեծ Թաղեր'),
    ((SELECT id FROM settlement WHERE code = 'NK-MTH'), 'HY', 'en', 'Mets Tagher'),
    ((SELECT id FROM settlement WHERE code = 'NK-MTH'), 'HY', 'ru', 'Мец Тагер'),
    ((SELECT id FROM settlement WHERE code = 'NK-MTH'), 'AZ', 'az', 'Böyük Tağlar'),
    ((SELECT id FROM settlement WHERE code = 'NK-MTH'), 'AZ', 'en', 'Boyuk Taghlar'),
    ((SELECT id FROM settlement WHERE code = 'NK-MTH'), 'AZ', 'ru', 'Беюк Таглар');

-- Togh / Tugh (taken 9 Nov 2020)
INSERT INTO settlement (code, district, latitude, longitude, kind, reception, return_status) VALUES ('NK-TOG', 'Hadrut / Khojavend', 39.5850, 46.9653, 'VILLAGE', FALSE, 'CLOSED');
INSERT INTO settlement_name (settlement_id, tradition, lang, name) VALUES
    ((SELECT id FROM settlement WHERE code = 'NK-TOG'), 'HY', 'hy', 'Տող'),
    ((SELECT id FROM settlement WHERE code = 'NK-TOG'), 'HY', 'en', 'Togh'),
    ((SELECT id FROM settlement WHERE code = 'NK-TOG'), 'HY', 'ru', 'Тог'),
    ((SELECT id FROM settlement WHERE code = 'NK-TOG'), 'AZ', 'az', 'Tuğ'),
    ((SELECT id FROM settlement WHERE code = 'NK-TOG'), 'AZ', 'en', 'Tugh'),
    ((SELECT id FROM settlement WHERE code = 'NK-TOG'), 'AZ', 'ru', 'Туг');

-- Azokh / Azykh (taken 9 Nov 2020)
INSERT INTO settlement (code, district, latitude, longitude, kind, reception, return_status) VALUES ('NK-AZK', 'Hadrut / Khojavend', 39.6206, 46.9783, 'VILLAGE', FALSE, 'CLOSED');
INSERT INTO settlement_name (settlement_id, tradition, lang, name) VALUES
    ((SELECT id FROM settlement WHERE code = 'NK-AZK'), 'HY', 'hy', 'Ազոխ'),
    ((SELECT id FROM settlement WHERE code = 'NK-AZK'), 'HY', 'en', 'Azokh'),
    ((SELECT id FROM settlement WHERE code = 'NK-AZK'), 'HY', 'ru', 'Азох'),
    ((SELECT id FROM settlement WHERE code = 'NK-AZK'), 'AZ', 'az', 'Azıx'),
    ((SELECT id FROM settlement WHERE code = 'NK-AZK'), 'AZ', 'en', 'Azykh'),
    ((SELECT id FROM settlement WHERE code = 'NK-AZK'), 'AZ', 'ru', 'Азых');

-- Varanda / Fuzuli (taken in October 2020)
INSERT INTO settlement (code, district, latitude, longitude, kind, reception, return_status) VALUES ('NK-VRN', 'Hadrut / Fuzuli', 39.6003, 47.1431, 'TOWN', FALSE, 'CLOSED');
INSERT INTO settlement_name (settlement_id, tradition, lang, name) VALUES
    ((SELECT id FROM settlement WHERE code = 'NK-VRN'), 'HY', 'hy', 'Վարանդա'),
    ((SELECT id FROM settlement WHERE code = 'NK-VRN'), 'HY', 'en', 'Varanda'),
    ((SELECT id FROM settlement WHERE code = 'NK-VRN'), 'HY', 'ru', 'Варанда'),
    ((SELECT id FROM settlement WHERE code = 'NK-VRN'), 'AZ', 'az', 'Füzuli'),
    ((SELECT id FROM settlement WHERE code = 'NK-VRN'), 'AZ', 'en', 'Fuzuli'),
    ((SELECT id FROM settlement WHERE code = 'NK-VRN'), 'AZ', 'ru', 'Физули');

-- Jrakan / Jabrayil (taken in October 2020)
INSERT INTO settlement (code, district, latitude, longitude, kind, reception, return_status) VALUES ('NK-JRK', 'Hadrut / Jabrayil', 39.4000, 47.0261, 'TOWN', FALSE, 'CLOSED');
INSERT INTO settlement_name (settlement_id, tradition, lang, name) VALUES
    ((SELECT id FROM settlement WHERE code = 'NK-JRK'), 'HY', 'hy', 'Ջրական'),
    ((SELECT id FROM settlement WHERE code = 'NK-JRK'), 'HY', 'en', 'Jrakan'),
    ((SELECT id FROM settlement WHERE code = 'NK-JRK'), 'HY', 'ru', 'Джракан'),
    ((SELECT id FROM settlement WHERE code = 'NK-JRK'), 'AZ', 'az', 'Cəbrayıl'),
    ((SELECT id FROM settlement WHERE code = 'NK-JRK'), 'AZ', 'en', 'Jabrayil'),
    ((SELECT id FROM settlement WHERE code = 'NK-JRK'), 'AZ', 'ru', 'Джебраил');

-- Karvachar / Kalbajar (handed over 25 Nov 2020)
INSERT INTO settlement (code, district, latitude, longitude, kind, reception, return_status) VALUES ('NK-KRV', 'Shahumyan / Kalbajar', 40.1067, 46.0383, 'TOWN', FALSE, 'CLOSED');
INSERT INTO settlement_name (settlement_id, tradition, lang, name) VALUES
    ((SELECT id FROM settlement WHERE code = 'NK-KRV'), 'HY', 'hy', 'Քարվաճառ'),
    ((SELECT id FROM settlement WHERE code = 'NK-KRV'), 'HY', 'en', 'Karvachar'),
    ((SELECT id FROM settlement WHERE code = 'NK-KRV'), 'HY', 'ru', 'Карвачар'),
    ((SELECT id FROM settlement WHERE code = 'NK-KRV'), 'AZ', 'az', 'Kəlbəcər'),
    ((SELECT id FROM settlement WHERE code = 'NK-KRV'), 'AZ', 'en', 'Kalbajar'),
    ((SELECT id FROM settlement WHERE code = 'NK-KRV'), 'AZ', 'ru', 'Кельбаджар');

-- Berdzor / Lachin (inside the Lachin corridor under the peacekeeping mission; to be handed over once a new route is built)
INSERT INTO settlement (code, district, latitude, longitude, kind, reception, return_status) VALUES ('NK-BRZ', 'Kashatagh / Lachin', 39.6408, 46.5469, 'TOWN', FALSE, 'RESTRICTED');
INSERT INTO settlement_name (settlement_id, tradition, lang, name) VALUES
    ((SELECT id FROM settlement WHERE code = 'NK-BRZ'), 'HY', 'hy', 'Բերձոր'),
    ((SELECT id FROM settlement WHERE code = 'NK-BRZ'), 'HY', 'en', 'Berdzor'),
    ((SELECT id FROM settlement WHERE code = 'NK-BRZ'), 'HY', 'ru', 'Бердзор'),
    ((SELECT id FROM settlement WHERE code = 'NK-BRZ'), 'AZ', 'az', 'Laçın'),
    ((SELECT id FROM settlement WHERE code = 'NK-BRZ'), 'AZ', 'en', 'Lachin'),
    ((SELECT id FROM settlement WHERE code = 'NK-BRZ'), 'AZ', 'ru', 'Лачин');

-- Aghavno / Zabukh (inside the Lachin corridor, same terms as Berdzor)
INSERT INTO settlement (code, district, latitude, longitude, kind, reception, return_status) VALUES ('NK-AGV', 'Kashatagh / Lachin', 39.5897, 46.5433, 'VILLAGE', FALSE, 'RESTRICTED');
INSERT INTO settlement_name (settlement_id, tradition, lang, name) VALUES
    ((SELECT id FROM settlement WHERE code = 'NK-AGV'), 'HY', 'hy', 'Աղավնո'),
    ((SELECT id FROM settlement WHERE code = 'NK-AGV'), 'HY', 'en', 'Aghavno'),
    ((SELECT id FROM settlement WHERE code = 'NK-AGV'), 'HY', 'ru', 'Агавно'),
    ((SELECT id FROM settlement WHERE code = 'NK-AGV'), 'AZ', 'az', 'Zabux'),
    ((SELECT id FROM settlement WHERE code = 'NK-AGV'), 'AZ', 'en', 'Zabukh'),
    ((SELECT id FROM settlement WHERE code = 'NK-AGV'), 'AZ', 'ru', 'Забух');

-- Sanasar / Gubadli (taken in October 2020)
INSERT INTO settlement (code, district, latitude, longitude, kind, reception, return_status) VALUES ('NK-SNS', 'Kashatagh / Gubadli', 39.3439, 46.5797, 'TOWN', FALSE, 'CLOSED');
INSERT INTO settlement_name (settlement_id, tradition, lang, name) VALUES
    ((SELECT id FROM settlement WHERE code = 'NK-SNS'), 'HY', 'hy', 'Սանասար'),
    ((SELECT id FROM settlement WHERE code = 'NK-SNS'), 'HY', 'en', 'Sanasar'),
    ((SELECT id FROM settlement WHERE code = 'NK-SNS'), 'HY', 'ru', 'Санасар'),
    ((SELECT id FROM settlement WHERE code = 'NK-SNS'), 'AZ', 'az', 'Qubadlı'),
    ((SELECT id FROM settlement WHERE code = 'NK-SNS'), 'AZ', 'en', 'Gubadli'),
    ((SELECT id FROM settlement WHERE code = 'NK-SNS'), 'AZ', 'ru', 'Губадлы');

-- Kovsakan / Zangilan (taken in October 2020)
INSERT INTO settlement (code, district, latitude, longitude, kind, reception, return_status) VALUES ('NK-KVS', 'Kashatagh / Zangilan', 39.0858, 46.6511, 'TOWN', FALSE, 'CLOSED');
INSERT INTO settlement_name (settlement_id, tradition, lang, name) VALUES
    ((SELECT id FROM settlement WHERE code = 'NK-KVS'), 'HY', 'hy', 'Կովսական'),
    ((SELECT id FROM settlement WHERE code = 'NK-KVS'), 'HY', 'en', 'Kovsakan'),
    ((SELECT id FROM settlement WHERE code = 'NK-KVS'), 'HY', 'ru', 'Ковсакан'),
    ((SELECT id FROM settlement WHERE code = 'NK-KVS'), 'AZ', 'az', 'Zəngilan'),
    ((SELECT id FROM settlement WHERE code = 'NK-KVS'), 'AZ', 'en', 'Zangilan'),
    ((SELECT id FROM settlement WHERE code = 'NK-KVS'), 'AZ', 'ru', 'Зангилан');

-- Mijnavan / Minjivan (taken 21 Oct 2020)
INSERT INTO settlement (code, district, latitude, longitude, kind, reception, return_status) VALUES ('NK-MJV', 'Kashatagh / Zangilan', 39.0300, 46.7186, 'TOWN', FALSE, 'CLOSED');
INSERT INTO settlement_name (settlement_id, tradition, lang, name) VALUES
    ((SELECT id FROM settlement WHERE code = 'NK-MJV'), 'HY', 'hy', 'Միջնավան'),
    ((SELECT id FROM settlement WHERE code = 'NK-MJV'), 'HY', 'en', 'Mijnavan'),
    ((SELECT id FROM settlement WHERE code = 'NK-MJV'), 'HY', 'ru', 'Миджнаван'),
    ((SELECT id FROM settlement WHERE code = 'NK-MJV'), 'AZ', 'az', 'Mincivan'),
    ((SELECT id FROM settlement WHERE code = 'NK-MJV'), 'AZ', 'en', 'Minjivan'),
    ((SELECT id FROM settlement WHERE code = 'NK-MJV'), 'AZ', 'ru', 'Миндживан');

-- Reception locations in Armenia (district = marz)

-- Yerevan
INSERT INTO settlement (code, district, latitude, longitude, kind, reception, return_status) VALUES ('AM-YER', 'Yerevan', 40.1811, 44.5136, 'CITY', TRUE, 'OPEN');
INSERT INTO settlement_name (settlement_id, tradition, lang, name) VALUES
    ((SELECT id FROM settlement WHERE code = 'AM-YER'), 'HY', 'hy', 'Երևան'),
    ((SELECT id FROM settlement WHERE code = 'AM-YER'), 'HY', 'en', 'Yerevan'),
    ((SELECT id FROM settlement WHERE code = 'AM-YER'), 'HY', 'ru', 'Ереван');

-- Abovyan
INSERT INTO settlement (code, district, latitude, longitude, kind, reception, return_status) VALUES ('AM-ABO', 'Kotayk', 40.2739, 44.6256, 'CITY', TRUE, 'OPEN');
INSERT INTO settlement_name (settlement_id, tradition, lang, name) VALUES
    ((SELECT id FROM settlement WHERE code = 'AM-ABO'), 'HY', 'hy', 'Աբովյան'),
    ((SELECT id FROM settlement WHERE code = 'AM-ABO'), 'HY', 'en', 'Abovyan'),
    ((SELECT id FROM settlement WHERE code = 'AM-ABO'), 'HY', 'ru', 'Абовян');

-- Goris
INSERT INTO settlement (code, district, latitude, longitude, kind, reception, return_status) VALUES ('AM-GOR', 'Syunik', 39.5078, 46.3386, 'CITY', TRUE, 'OPEN');
INSERT INTO settlement_name (settlement_id, tradition, lang, name) VALUES
    ((SELECT id FROM settlement WHERE code = 'AM-GOR'), 'HY', 'hy', 'Գորիս'),
    ((SELECT id FROM settlement WHERE code = 'AM-GOR'), 'HY', 'en', 'Goris'),
    ((SELECT id FROM settlement WHERE code = 'AM-GOR'), 'HY', 'ru', 'Горис');

-- Kapan
INSERT INTO settlement (code, district, latitude, longitude, kind, reception, return_status) VALUES ('AM-KAP', 'Syunik', 39.2011, 46.4150, 'CITY', TRUE, 'OPEN');
INSERT INTO settlement_name (settlement_id, tradition, lang, name) VALUES
    ((SELECT id FROM settlement WHERE code = 'AM-KAP'), 'HY', 'hy', 'Կապան'),
    ((SELECT id FROM settlement WHERE code = 'AM-KAP'), 'HY', 'en', 'Kapan'),
    ((SELECT id FROM settlement WHERE code = 'AM-KAP'), 'HY', 'ru', 'Капан');

-- Sisian
INSERT INTO settlement (code, district, latitude, longitude, kind, reception, return_status) VALUES ('AM-SIS', 'Syunik', 39.5208, 46.0319, 'TOWN', TRUE, 'OPEN');
INSERT INTO settlement_name (settlement_id, tradition, lang, name) VALUES
    ((SELECT id FROM settlement WHERE code = 'AM-SIS'), 'HY', 'hy', 'Սիսիան'),
    ((SELECT id FROM settlement WHERE code = 'AM-SIS'), 'HY', 'en', 'Sisian'),
    ((SELECT id FROM settlement WHERE code = 'AM-SIS'), 'HY', 'ru', 'Сисиан');

-- Vayk
INSERT INTO settlement (code, district, latitude, longitude, kind, reception, return_status) VALUES ('AM-VAY', 'Vayots Dzor', 39.6917, 45.4653, 'TOWN', TRUE, 'OPEN');
INSERT INTO settlement_name (settlement_id, tradition, lang, name) VALUES
    ((SELECT id FROM settlement WHERE code = 'AM-VAY'), 'HY', 'hy', 'Վայք'),
    ((SELECT id FROM settlement WHERE code = 'AM-VAY'), 'HY', 'en', 'Vayk'),
    ((SELECT id FROM settlement WHERE code = 'AM-VAY'), 'HY', 'ru', 'Вайк');

-- Jermuk
INSERT INTO settlement (code, district, latitude, longitude, kind, reception, return_status) VALUES ('AM-JER', 'Vayots Dzor', 39.8417, 45.6722, 'TOWN', TRUE, 'OPEN');
INSERT INTO settlement_name (settlement_id, tradition, lang, name) VALUES
    ((SELECT id FROM settlement WHERE code = 'AM-JER'), 'HY', 'hy', 'Ջերմուկ'),
    ((SELECT id FROM settlement WHERE code = 'AM-JER'), 'HY', 'en', 'Jermuk'),
    ((SELECT id FROM settlement WHERE code = 'AM-JER'), 'HY', 'ru', 'Джермук');

-- Vardenis
INSERT INTO settlement (code, district, latitude, longitude, kind, reception, return_status) VALUES ('AM-VAR', 'Gegharkunik', 40.1800, 45.7200, 'TOWN', TRUE, 'OPEN');
INSERT INTO settlement_name (settlement_id, tradition, lang, name) VALUES
    ((SELECT id FROM settlement WHERE code = 'AM-VAR'), 'HY', 'hy', 'Վարդենիս'),
    ((SELECT id FROM settlement WHERE code = 'AM-VAR'), 'HY', 'en', 'Vardenis'),
    ((SELECT id FROM settlement WHERE code = 'AM-VAR'), 'HY', 'ru', 'Варденис');
