/**
 * The agencies of a fictional province, 江东省: the province, its cities,
 * their counties and districts, departments at every level and townships.
 * Names are unique and shaped like real ones, so the checks that read an
 * agency's name (regulations-scope, carry-over) see what they would see.
 */

import { Random } from './random.js';

/** What kind of agency publishes the report; it sets the size of its figures. */
export type AgencyKind = 'provinceGovernment' | 'cityGovernment' | 'countyGovernment' | 'township' | 'department';

/** One agency of the site. */
export interface Agency {
  /** The folder name: `reports/<slug>/<year>.md`. */
  readonly slug: string;
  readonly name: string;
  readonly kind: AgencyKind;
  readonly level: 'province' | 'city' | 'county';
  /** Roughly how many information requests it receives in a year. */
  readonly requests: number;
  /** Only provincial and 设区的市 governments make 规章 (FORMAT.md §6). */
  readonly makesRegulations: boolean;
}

const PROVINCE = '江东省';
const FIRST = [...'青东西南北江河山湖海平安宁兴长新永德福清丰华阳泰金云龙凤白石临文昌广庆嘉瑞盛鹤松'];
const SECOND = [...'山川江河湖阳源城桥林田塘溪岭港坪口台州宁安平丰泉水峰湾原洲浦亭陵门关屯堡集'];

const DEPARTMENTS = [
  '发展和改革委员会', '教育局', '科学技术局', '工业和信息化局', '公安局', '民政局', '司法局', '财政局',
  '人力资源和社会保障局', '自然资源和规划局', '生态环境局', '住房和城乡建设局', '交通运输局', '水利局',
  '农业农村局', '商务局', '文化广电和旅游局', '卫生健康委员会', '退役军人事务局', '应急管理局', '审计局',
  '市场监督管理局', '统计局', '医疗保障局', '城市管理局', '行政审批局', '林业局', '体育局', '信访局', '人民政府办公室',
];
const PROVINCE_DEPARTMENTS = DEPARTMENTS.map((d) => d.replace(/局$/, '厅').replace('人民政府办公室', '人民政府办公厅'));
// Departments that receive many requests (land, housing, police).
const BUSY = /自然资源|住房|公安|人力资源|市场监督|城市管理/;

const CITIES = 9;
const COUNTIES_PER_CITY = 8;
const COUNTY_DEPARTMENTS = 14;
const TOWNS_PER_COUNTY = 6;

const PLACES = FIRST.length * SECOND.length;

/** A two-character place name, distinct for distinct `i` below FIRST × SECOND. */
function placeName(i: number): string {
  return FIRST[i % FIRST.length]! + SECOND[Math.floor(i / FIRST.length) % SECOND.length]!;
}

/**
 * Every agency of the province, in a fixed order, with enough cities for
 * `atLeast` agencies (9 cities give 1,822 agencies).
 */
export function province(atLeast = 0): Agency[] {
  const agencies: Agency[] = [];
  const rng = new Random(0x5eed);
  const add = (name: string, kind: AgencyKind, level: Agency['level'], base: number) => {
    const requests = Math.round(base * (0.5 + rng.next()) * (kind === 'department' && BUSY.test(name) ? 4 : 1));
    agencies.push({
      slug: `a${String(agencies.length + 1).padStart(4, '0')}`,
      name,
      kind,
      level,
      requests,
      makesRegulations: kind === 'provinceGovernment' || kind === 'cityGovernment',
    });
  };
  add(`${PROVINCE}人民政府`, 'provinceGovernment', 'province', 900);
  for (const d of PROVINCE_DEPARTMENTS) add(`${PROVINCE}${d}`, 'department', 'province', 40);
  const cities = Math.max(CITIES, Math.ceil(atLeast / 199));
  let counties = 0;
  let towns = 0;
  for (let c = 0; c < cities; c++) {
    const city = `${placeName(c * 13 + 5)}市`;
    add(`${city}人民政府`, 'cityGovernment', 'city', 600);
    for (const d of DEPARTMENTS) add(`${city}${d}`, 'department', 'city', 20);
    for (let k = 0; k < COUNTIES_PER_CITY; k++) {
      const county = `${placeName(counties++ * 7 + 3)}${k % 3 === 0 ? '县' : '区'}`;
      add(`${city}${county}人民政府`, 'countyGovernment', 'county', 80);
      for (const d of DEPARTMENTS.slice(0, COUNTY_DEPARTMENTS)) add(`${city}${county}${d}`, 'department', 'county', 6);
      for (let t = 0; t < TOWNS_PER_COUNTY; t++) {
        // Town names repeat after PLACES towns: the city and county then tell them apart.
        const town = (towns >= PLACES ? city + county : '') + placeName(towns++ * 11 + 1);
        const suffix = t % 3 === 2 ? '街道办事处' : t % 5 === 4 ? '乡人民政府' : '镇人民政府';
        add(`${town}${suffix}`, 'township', 'county', 2);
      }
    }
  }
  return agencies;
}
