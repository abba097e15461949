import type { DemoRandom } from './random.ts';

/** A hundred common surnames, most frequent first (roughly the national household-register ranking). */
export const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔',
  ...'钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];

// Given-name characters shift with the generations: 建国 and 秀英 are typical before about 1975, 子轩 and 梓涵 after 2005.
const GIVEN = {
  male: {
    older: [...'建国华明军平强伟忠德林海东志文永春宏庆福'],
    middle: [...'伟磊勇杰涛超刚辉鹏飞波斌健俊峰亮鑫凯帆锋'],
    younger: [...'宇浩轩泽睿子然博阳晨一铭皓宸航奕辰沐梓霖'],
  },
  female: {
    older: [...'秀英兰桂芳珍玉凤华淑梅琴荣丽云霞芬萍红彩'],
    middle: [...'敏静娜丽艳娟燕婷雪琳晶颖倩慧洁佳玲莉丹媛'],
    younger: [...'涵欣怡悦琪诗雨梓萱可一彤思若语嘉妍馨瑶钰'],
  },
} as const;

/** Names kept for the well-known demo patients, so a search for them finds exactly one person. */
const RESERVED_NAMES: ReadonlySet<string> = new Set(['张伟', '李娜', '张小宇', '王芳']);

export type DemoSex = 'male' | 'female';

export function pickSurname(rng: DemoRandom): string {
  // Weight by rank (roughly Zipf-shaped), so 王 and 李 are common and 汤 is rare, as in the population.
  const rank = Math.floor(SURNAMES.length * rng.next() ** 2.2);
  return SURNAMES[rank]!;
}

/** A plausible Chinese name: the surname given, or a common one, plus one or two given-name characters. */
export function personName(
  rng: DemoRandom,
  sex: DemoSex,
  birthYear: number,
  surname = pickSurname(rng),
): string {
  const generation = birthYear < 1975 ? 'older' : birthYear < 2005 ? 'middle' : 'younger';
  const pool = GIVEN[sex][generation];
  for (;;) {
    const first = rng.pick(pool);
    const given = rng.chance(0.3) ? first : first + rng.pick(pool);
    const name = surname + given;
    if (!RESERVED_NAMES.has(name) && given[0] !== given[1]) return name;
  }
}
