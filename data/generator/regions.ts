/**
 * @module generator/regions
 * The townships of the demo data: the designed default county 清河县 (999901, 20 townships:
 * 5 街道, 10 镇 of which 3 industrial, 5 乡) and, for larger `townships` counts, a province of
 * fictional counties (99 + 2-digit prefecture + 2-digit county) with generated unique names.
 *
 * @example
 * const { counties, townships } = buildRegions(20); // the default county
 */
import type { RegionKind } from '../../contract/tables.ts';
import { Rng } from '../../common/random.ts';
import { STREAM } from './streams.ts';

export interface Township {
  readonly index: number;
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly countyCode: string;
  readonly kind: RegionKind;
  readonly industrial: boolean;
  readonly hotspot: boolean;
  /** Registered population at the start of the simulation, at scale 1. */
  readonly basePop: number;
  readonly villages: number;
}

export interface County {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly townships: Township[];
}

export const DEFAULT_COUNTY = { code: '999901', name: '清河县', nameEn: 'Qinghe County' } as const;

interface Design { name: string; pinyin: string; kind: RegionKind; pop: number; industrial?: boolean; hotspot?: boolean }

/** The designed townships, in code order within each kind (the first 5/10/5 make the default county). */
const DESIGN: Record<RegionKind, Design[]> = {
  subdistrict: [
    { name: '城关街道', pinyin: 'Chengguan', kind: 'subdistrict', pop: 58000 },
    { name: '东城街道', pinyin: 'Dongcheng', kind: 'subdistrict', pop: 52000 },
    { name: '西城街道', pinyin: 'Xicheng', kind: 'subdistrict', pop: 46000 },
    { name: '南湖街道', pinyin: 'Nanhu', kind: 'subdistrict', pop: 38000 },
    { name: '北苑街道', pinyin: 'Beiyuan', kind: 'subdistrict', pop: 32000 },
    { name: '滨江街道', pinyin: 'Binjiang', kind: 'subdistrict', pop: 30000 },
  ],
  town: [
    { name: '青石镇', pinyin: 'Qingshi', kind: 'town', pop: 38000, industrial: true },
    { name: '白沙镇', pinyin: 'Baisha', kind: 'town', pop: 36000, industrial: true },
    { name: '龙泉镇', pinyin: 'Longquan', kind: 'town', pop: 33000, industrial: true },
    { name: '马桥镇', pinyin: 'Maqiao', kind: 'town', pop: 30000, hotspot: true },
    { name: '三河镇', pinyin: 'Sanhe', kind: 'town', pop: 28000, hotspot: true },
    { name: '金山镇', pinyin: 'Jinshan', kind: 'town', pop: 31000, hotspot: true },
    { name: '长岭镇', pinyin: 'Changling', kind: 'town', pop: 27000 },
    { name: '新店镇', pinyin: 'Xindian', kind: 'town', pop: 26000 },
    { name: '高桥镇', pinyin: 'Gaoqiao', kind: 'town', pop: 25000 },
    { name: '石门镇', pinyin: 'Shimen', kind: 'town', pop: 24000 },
    { name: '安乐镇', pinyin: 'Anle', kind: 'town', pop: 23000 },
    { name: '丰田镇', pinyin: 'Fengtian', kind: 'town', pop: 22000 },
  ],
  township: [
    { name: '柳河乡', pinyin: 'Liuhe', kind: 'township', pop: 18000 },
    { name: '杨家乡', pinyin: 'Yangjia', kind: 'township', pop: 16000 },
    { name: '桃源乡', pinyin: 'Taoyuan', kind: 'township', pop: 15000 },
    { name: '黄土乡', pinyin: 'Huangtu', kind: 'township', pop: 14000 },
    { name: '云岭乡', pinyin: 'Yunling', kind: 'township', pop: 13000 },
    { name: '松林乡', pinyin: 'Songlin', kind: 'township', pop: 12500 },
    { name: '竹溪乡', pinyin: 'Zhuxi', kind: 'township', pop: 12000 },
  ],
};

const KIND_SUFFIX: Record<RegionKind, [string, string]> = {
  subdistrict: ['街道', 'Subdistrict'],
  town: ['镇', 'Town'],
  township: ['乡', 'Township'],
};
const KIND_CODE_BASE: Record<RegionKind, number> = { subdistrict: 1, town: 100, township: 200 };

/** Syllables for generated place names: [hanzi, pinyin]. */
const SYLLABLES: readonly (readonly [string, string])[] = [
  ['安', 'an'], ['白', 'bai'], ['宝', 'bao'], ['北', 'bei'], ['碧', 'bi'], ['昌', 'chang'], ['长', 'chang'], ['城', 'cheng'],
  ['大', 'da'], ['丹', 'dan'], ['东', 'dong'], ['枫', 'feng'], ['凤', 'feng'], ['福', 'fu'], ['高', 'gao'], ['古', 'gu'],
  ['广', 'guang'], ['桂', 'gui'], ['汉', 'han'], ['和', 'he'], ['河', 'he'], ['红', 'hong'], ['湖', 'hu'], ['花', 'hua'],
  ['华', 'hua'], ['黄', 'huang'], ['嘉', 'jia'], ['金', 'jin'], ['锦', 'jin'], ['景', 'jing'], ['开', 'kai'], ['兰', 'lan'],
  ['乐', 'le'], ['礼', 'li'], ['莲', 'lian'], ['林', 'lin'], ['柳', 'liu'], ['龙', 'long'], ['罗', 'luo'], ['马', 'ma'],
  ['梅', 'mei'], ['明', 'ming'], ['南', 'nan'], ['平', 'ping'], ['秋', 'qiu'], ['泉', 'quan'], ['瑞', 'rui'], ['山', 'shan'],
  ['尚', 'shang'], ['石', 'shi'], ['水', 'shui'], ['顺', 'shun'], ['松', 'song'], ['泰', 'tai'], ['桃', 'tao'], ['天', 'tian'],
  ['田', 'tian'], ['万', 'wan'], ['文', 'wen'], ['西', 'xi'], ['溪', 'xi'], ['仙', 'xian'], ['祥', 'xiang'], ['新', 'xin'],
  ['兴', 'xing'], ['阳', 'yang'], ['杨', 'yang'], ['义', 'yi'], ['永', 'yong'], ['玉', 'yu'], ['元', 'yuan'], ['云', 'yun'],
  ['泽', 'ze'], ['长', 'zhang'], ['竹', 'zhu'], ['紫', 'zi'],
];

function kindCounts(n: number): Record<RegionKind, number> {
  const subdistrict = Math.max(n >= 3 ? 1 : 0, Math.round(n / 4));
  const township = Math.max(n >= 2 ? 1 : 0, Math.round(n / 4));
  return { subdistrict, town: n - subdistrict - township, township };
}

class NameMaker {
  private readonly used = new Set<string>();
  constructor(private readonly rng: Rng, reserved: Iterable<string>) {
    for (const r of reserved) this.used.add(r);
  }
  make(suffix: string): [string, string] {
    for (;;) {
      const a = SYLLABLES[this.rng.int(SYLLABLES.length)]!;
      const b = SYLLABLES[this.rng.int(SYLLABLES.length)]!;
      if (a[0] === b[0]) continue;
      const name = a[0] + b[0] + suffix;
      if (this.used.has(name)) continue;
      this.used.add(name);
      return [name, a[1][0]!.toUpperCase() + a[1].slice(1) + b[1]];
    }
  }
}

/** Build `n` townships: one designed county for n ≤ 25, a province of ~20-township counties above. */
export function buildRegions(n: number): { counties: County[]; townships: Township[] } {
  if (!Number.isInteger(n) || n < 1) throw new Error(`townships must be a positive integer, got ${n}`);
  const rng = new Rng(0x5eed, STREAM.geography, n);
  const reserved = Object.values(DESIGN).flat().map((d) => d.name);
  const names = new NameMaker(rng, reserved);
  const countyNames = new NameMaker(rng, [DEFAULT_COUNTY.name]);
  const nCounties = n <= 25 ? 1 : Math.ceil(n / 20);
  const counties: County[] = [];
  const townships: Township[] = [];
  for (let c = 0; c < nCounties; c++) {
    const size = Math.floor(n / nCounties) + (c < n % nCounties ? 1 : 0);
    const single = nCounties === 1;
    const code = single ? DEFAULT_COUNTY.code : `99${String(1 + Math.floor(c / 12)).padStart(2, '0')}${String(1 + (c % 12)).padStart(2, '0')}`;
    const [cname, cpin] = single ? [DEFAULT_COUNTY.name, 'Qinghe'] : countyNames.make('县');
    const county: County = { code, name: cname, nameEn: `${cpin.replace(/ County$/, '')} County`, townships: [] };
    const counts = kindCounts(size);
    const hotCounty = single || c % 3 === 0;
    for (const kind of ['subdistrict', 'town', 'township'] as const) {
      for (let i = 0; i < counts[kind]; i++) {
        const d = single ? DESIGN[kind][i] : undefined;
        let name: string;
        let pinyin: string;
        let pop: number;
        if (d) {
          name = d.name;
          pinyin = d.pinyin;
          pop = d.pop;
        } else {
          [name, pinyin] = names.make(KIND_SUFFIX[kind][0]);
          pop = kind === 'subdistrict' ? 30000 + rng.int(30000) : kind === 'town' ? 22000 + rng.int(18000) : 12000 + rng.int(10000);
        }
        const industrial = d ? d.industrial === true : kind === 'town' && i < Math.min(3, Math.max(1, Math.round(counts.town / 4)));
        const hotspot = d ? d.hotspot === true : hotCounty && kind === 'town' && (i === 3 || i === 5);
        const villages = kind === 'subdistrict' ? 8 + rng.int(8) : kind === 'town' ? 15 + rng.int(11) : 10 + rng.int(9);
        const t: Township = {
          index: townships.length,
          code: code + String(KIND_CODE_BASE[kind] + i).padStart(3, '0'),
          name,
          nameEn: `${pinyin} ${KIND_SUFFIX[kind][1]}`,
          countyCode: code,
          kind,
          industrial,
          hotspot,
          basePop: pop,
          villages,
        };
        townships.push(t);
        county.townships.push(t);
      }
    }
    counties.push(county);
  }
  return { counties, townships };
}
