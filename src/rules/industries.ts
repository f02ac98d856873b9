import type { Text } from './types';

// GB/T 4754-2017 《国民经济行业分类》 sections (门类) A–T. Levels count distinct sections, so the
// letter is what cases store; divisions (大类) would split one industry into many.
export type IndustryCode =
  | 'A'
  | 'B'
  | 'C'
  | 'D'
  | 'E'
  | 'F'
  | 'G'
  | 'H'
  | 'I'
  | 'J'
  | 'K'
  | 'L'
  | 'M'
  | 'N'
  | 'O'
  | 'P'
  | 'Q'
  | 'R'
  | 'S'
  | 'T';

export interface Industry {
  code: IndustryCode;
  name: Text;
}

export const INDUSTRIES: readonly Industry[] = [
  { code: 'A', name: { zh: '农、林、牧、渔业', en: 'Agriculture, forestry, animal husbandry and fishery' } },
  { code: 'B', name: { zh: '采矿业', en: 'Mining' } },
  { code: 'C', name: { zh: '制造业', en: 'Manufacturing' } },
  {
    code: 'D',
    name: { zh: '电力、热力、燃气及水生产和供应业', en: 'Electricity, heat, gas and water production and supply' },
  },
  { code: 'E', name: { zh: '建筑业', en: 'Construction' } },
  { code: 'F', name: { zh: '批发和零售业', en: 'Wholesale and retail trade' } },
  { code: 'G', name: { zh: '交通运输、仓储和邮政业', en: 'Transport, storage and postal services' } },
  { code: 'H', name: { zh: '住宿和餐饮业', en: 'Accommodation and catering' } },
  {
    code: 'I',
    name: { zh: '信息传输、软件和信息技术服务业', en: 'Information transmission, software and IT services' },
  },
  { code: 'J', name: { zh: '金融业', en: 'Finance' } },
  { code: 'K', name: { zh: '房地产业', en: 'Real estate' } },
  { code: 'L', name: { zh: '租赁和商务服务业', en: 'Leasing and business services' } },
  { code: 'M', name: { zh: '科学研究和技术服务业', en: 'Scientific research and technical services' } },
  {
    code: 'N',
    name: { zh: '水利、环境和公共设施管理业', en: 'Water conservancy, environment and public facilities management' },
  },
  { code: 'O', name: { zh: '居民服务、修理和其他服务业', en: 'Resident services, repair and other services' } },
  { code: 'P', name: { zh: '教育', en: 'Education' } },
  { code: 'Q', name: { zh: '卫生和社会工作', en: 'Health and social work' } },
  { code: 'R', name: { zh: '文化、体育和娱乐业', en: 'Culture, sports and entertainment' } },
  {
    code: 'S',
    name: { zh: '公共管理、社会保障和社会组织', en: 'Public administration, social security and social organisations' },
  },
  { code: 'T', name: { zh: '国际组织', en: 'International organisations' } },
];

/** Accepts any value; returns the section when it is a letter A–T (case-insensitive, surrounding spaces ignored). */
export function industryByCode(code: unknown): Industry | undefined {
  if (typeof code !== 'string') return undefined;
  const letter = code.trim().toUpperCase();
  return INDUSTRIES.find((industry) => industry.code === letter);
}
