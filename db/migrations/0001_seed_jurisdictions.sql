-- Changchun's 18 counties, districts and development zones (SPEC.md), seeded once by the migration itself
-- so the Node host and D1 get the same rows. Receiving department name and phone are editable data:
-- the phone defaults to the 12333 labour hotline until the city office enters each dispatch room's number.
-- Zones without an official code use our own stable ids (CC-…).
INSERT OR IGNORE INTO `jurisdictions` (`id`, `name_zh`, `name_en`, `kind`, `receiving_dept_name`, `receiving_dept_phone`, `sort`) VALUES
  ('220102', '南关区', 'Nanguan District', 'district', '南关区协调劳动关系三方委员会办公室', '0431-12333', 1),
  ('220103', '宽城区', 'Kuancheng District', 'district', '宽城区协调劳动关系三方委员会办公室', '0431-12333', 2),
  ('220104', '朝阳区', 'Chaoyang District', 'district', '朝阳区协调劳动关系三方委员会办公室', '0431-12333', 3),
  ('220105', '二道区', 'Erdao District', 'district', '二道区协调劳动关系三方委员会办公室', '0431-12333', 4),
  ('220106', '绿园区', 'Lüyuan District', 'district', '绿园区协调劳动关系三方委员会办公室', '0431-12333', 5),
  ('220112', '双阳区', 'Shuangyang District', 'district', '双阳区协调劳动关系三方委员会办公室', '0431-12333', 6),
  ('220113', '九台区', 'Jiutai District', 'district', '九台区协调劳动关系三方委员会办公室', '0431-12333', 7),
  ('220122', '农安县', 'Nong''an County', 'county', '农安县协调劳动关系三方委员会办公室', '0431-12333', 8),
  ('220182', '榆树市', 'Yushu City', 'city', '榆树市协调劳动关系三方委员会办公室', '0431-12333', 9),
  ('220183', '德惠市', 'Dehui City', 'city', '德惠市协调劳动关系三方委员会办公室', '0431-12333', 10),
  ('220184', '公主岭市', 'Gongzhuling City', 'city', '公主岭市协调劳动关系三方委员会办公室', '0431-12333', 11),
  ('220171', '长春经济技术开发区', 'Changchun Economic and Technological Development Zone', 'zone', '长春经济技术开发区协调劳动关系三方委员会办公室', '0431-12333', 12),
  ('220172', '净月高新技术产业开发区', 'Jingyue High-tech Industrial Development Zone', 'zone', '净月高新技术产业开发区协调劳动关系三方委员会办公室', '0431-12333', 13),
  ('220173', '长春高新技术产业开发区', 'Changchun High-tech Industrial Development Zone', 'zone', '长春高新技术产业开发区协调劳动关系三方委员会办公室', '0431-12333', 14),
  ('220174', '长春汽车经济技术开发区', 'Changchun Automotive Economic and Technological Development Zone', 'zone', '长春汽车经济技术开发区协调劳动关系三方委员会办公室', '0431-12333', 15),
  ('CC-XQ', '长春新区', 'Changchun New Area', 'zone', '长春新区协调劳动关系三方委员会办公室', '0431-12333', 16),
  ('CC-LHS', '莲花山生态旅游度假区', 'Lianhuashan Ecological Tourism Resort', 'zone', '莲花山生态旅游度假区协调劳动关系三方委员会办公室', '0431-12333', 17),
  ('CC-ZH', '中韩(长春)国际合作示范区', 'China-Korea (Changchun) International Cooperation Demonstration Zone', 'zone', '中韩(长春)国际合作示范区协调劳动关系三方委员会办公室', '0431-12333', 18);
