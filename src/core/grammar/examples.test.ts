import { describe, expect, it } from 'vitest';
import { detectLang } from '../find';
import type { Mention } from '../mention';
import { normalize } from '../normalize';
import type { ScanContext } from './context';
import * as depositary from './depositary';
import * as health from './health';
import * as officialRecords from './official-records';
import * as resolution from './resolution';
import * as sales from './sales';
import * as symbol from './symbol';
import * as treaty from './treaty';

/**
 * Every grammar module exports `examples = { match, noMatch }`: each match example must give exactly the
 * (kind, key) list written below, by its own rule and by no other rule; each noMatch example must not be
 * found by its own rule.
 */
type Scan = (text: string, ctx: ScanContext) => Mention[];
interface GrammarModule {
  name: string;
  scan: Scan;
  examples: { match: string[]; noMatch: string[] };
}

const modules: GrammarModule[] = Object.entries({
  resolution,
  symbol,
  treaty,
  sales,
  officialRecords,
  health,
  depositary,
}).flatMap(([name, mod]) => {
  const m = mod as Record<string, unknown>;
  const scan = Object.entries(m).find(([k, v]) => /^scan/.test(k) && typeof v === 'function')?.[1] as
    | Scan
    | undefined;
  const examples = m.examples as GrammarModule['examples'] | undefined;
  return scan && examples ? [{ name, scan, examples }] : [];
});

/**
 * What each match example says, read by hand from the example: [kind, key] in text order. A new example in a
 * grammar module fails "has its keys written here" until its keys are added.
 */
const KEYS: Record<string, string[]> = {
  // resolution
  'Recalling its resolutions 58/208 of 23 December 2003, 59/241 of 22 December 2004': [
    'resolution A/RES/58/208',
    'resolution A/RES/59/241',
  ],
  'General Assembly resolutions 1514 (XV) of 14 December 1960': ['resolution A/RES/1514(XV)'],
  // "(1)" is the session "(I)" as some texts print it.
  'Recalling its resolution 97 (1) of 14 December 1946': ['resolution A/RES/97(I)'],
  'as amended by its resolutions 364 B (IV) and 482 (V)': [
    'resolution A/RES/364(IV)',
    'resolution A/RES/482(V)',
  ],
  'Commission on Population and Development resolutions 2006/2 of 10 May 2006': ['resolution CPD res 2006/2'],
  'Recalling its previous resolutions 1996 (2011), 2046 (2012)': [
    'resolution S/RES/1996(2011)',
    'resolution S/RES/2046(2012)',
  ],
  'its decisions 2004/322 of 11 November 2004, 2023/201 A of 31 October 2022': [
    'decision E/DEC/2004/322',
    'decision E/DEC/2023/201',
  ],
  'Принято резолюцией 169 (II) Генеральной Ассамблеи ООН от 31 октября 1947 года': [
    'resolution A/RES/169(II)',
  ],
  'ссылаясь на свои резолюции 55/162 от 14 декабря 2000 года': ['resolution A/RES/55/162'],
  'Rappelant ses résolutions 74/64 du 12 décembre 2019': ['resolution A/RES/74/64'],
  'aprobada en su resolución 41/128, de 4 de diciembre de 1986': ['resolution A/RES/41/128'],
  '特别回顾其2019年12月18日第74/175号决议': ['resolution A/RES/74/175'],
  '安全理事会第2133 (2014)、2178 (2014)号决议': [
    'resolution S/RES/2133(2014)',
    'resolution S/RES/2178(2014)',
  ],
  'وإذ تشير إلى قراراتها 74/270 المؤرخ 2 نيسان/أبريل 2020': ['resolution A/RES/74/270'],
  'قرار المجلس الاقتصادي والاجتماعي 1980/67 المؤرخ 25 تموز/يوليه 1980': ['resolution E/RES/1980/67'],
  '见大会S-30/1号决议，附件。': ['resolution A/RES/S-30/1'],
  // symbol
  'Report of the Second Committee (A/77/445/Add.2)': ['document A/77/445/Add.2'],
  'Adopted under the UNFCCC in FCCC/CP/2015/10/Add.1.': ['document FCCC/CP/2015/10/Add.1'],
  'le projet de résolution (A/76/L.57 et A/76/L.57/Add.1)': [
    'document A/76/L.57',
    'document A/76/L.57/Add.1',
  ],
  // A joint symbol is keyed by its first part.
  'the report of the Secretary-General (A/78/112-E/2023/94)': ['document A/78/112'],
  '《2005年世界首脑会议成果》(A/RES/60/1)': ['resolution A/RES/60/1'],
  'См. E/2005/47 и Corr. 1.': ['document E/2005/47', 'document E/2005/47/Corr.1'],
  'See A/CN.4/156 and Add.1-3.': [
    'document A/CN.4/156',
    'document A/CN.4/156/Add.1',
    'document A/CN.4/156/Add.2',
    'document A/CN.4/156/Add.3',
  ],
  'CEDAW/C/SR.539, 540 and 548': [
    'document CEDAW/C/SR.539',
    'document CEDAW/C/SR.540',
    'document CEDAW/C/SR.548',
  ],
  'initial to third periodic reports (CEDAW/C/EST/1-3)': ['document CEDAW/C/EST/1-3'],
  'https://undocs.org/en/A/RES/73/195': ['resolution A/RES/73/195'],
  'Statements of its President S/PRST/2014/16, S/PRST/2014/26 and S/PRST/2015/9': [
    'document S/PRST/2014/16',
    'document S/PRST/2014/26',
    'document S/PRST/2015/9',
  ],
  '(A/61/387، الفقرة 9)': ['document A/61/387'],
  'ISBA/19/C/17，附件': ['document ISBA/19/C/17'],
  'draft resolution A/73/L66': ['document A/73/L.66'],
  // treaty
  'United Nations, Treaty Series, vol. 1771, No. 30822.': ['treaty UNTS I-30822'],
  'Ibid., vol. 1249, No. 20378.': ['treaty UNTS I-20378'],
  'Nations Unies, Recueil des Traités, vol. 1577, no 27531.': ['treaty UNTS I-27531'],
  'Naciones Unidas, Treaty Series, vol. 75, núms. 970 a 973.': [
    'treaty UNTS I-970',
    'treaty UNTS I-971',
    'treaty UNTS I-972',
    'treaty UNTS I-973',
  ],
  'الأمم المتحدة، مجموعة المعاهدات، المجلد 3146، الرقم 1030.': ['treaty UNTS I-1030'],
  'المرجع نفسه، المجلد 1125، الرقمان 17512 و 17513.': ['treaty UNTS I-17512', 'treaty UNTS I-17513'],
  '联合国，《条约汇编》，第2225、2237、2241和2326卷，第39574号。': ['treaty UNTS I-39574'],
  '同上，第1577卷，第27531号。': ['treaty UNTS I-27531'],
  'League of Nations, Treaty Series, vol. XCIV, No. 2138.': ['treaty LNTS 2138'],
  'United Nations, Treaty Series, vols. 1015 and 1016, No. 14860.': ['treaty UNTS I-14860'],
  // sales: the key drops the language letter (E., F., S., R., C., A.) of the number.
  '(United Nations publication, Sales No. E.95.XIII.18), chap. I': ['sales Sales No. 95.XIII.18'],
  '(publication des Nations Unies, numéro de vente : F.96.IV.8), chap. I': ['sales Sales No. 96.IV.8'],
  '(publicación de las Naciones Unidas, núm. de venta S.03.II.A.1 y corrección)': [
    'sales Sales No. 03.II.A.1',
  ],
  '(издание Организации Объединенных Наций, в продаже под № R.96.IV.8), глава I': ['sales Sales No. 96.IV.8'],
  '(联合国出版物，出售品编号：C.96.IV.13)': ['sales Sales No. 96.IV.13'],
  '(منشورات الأمم المتحدة، رقم المبيع A.95.XIII.18)': ['sales Sales No. 95.XIII.18'],
  'United Nations publication, Sales No.: 63. V. 2': ['sales Sales No. 63.V.2'],
  // officialRecords: the supplement's document symbol.
  'See Official Records of the General Assembly, Sixtieth Session, Supplement No. 10, chap. IV.': [
    'document A/60/10',
  ],
  'Ibid., Seventy-fourth Session, Supplement No. 53A, chap. III.': ['document A/74/53/Add.1'],
  'Documents officiels de l’Assemblée générale, soixante et onzième session, Supplément no 53, chap. II.': [
    'document A/71/53',
  ],
  'Documentos Oficiales de la Asamblea General, septuagésimo cuarto período de sesiones, suplemento núm. 53, cap. II.':
    ['document A/74/53'],
  'Официальные отчеты Генеральной Ассамблеи, семьдесят седьмая сессия, Дополнение № 53, глава II.': [
    'document A/77/53',
  ],
  '《大会正式记录，第七十七届会议，补编第53号》，第二章。': ['document A/77/53'],
  'الوثائق الرسمية للجمعية العامة، الدورة الرابعة والسبعون، الملحق رقم 53، الفصل الثاني.': [
    'document A/74/53',
  ],
  // health
  'Taking into account World Health Assembly resolution 72.5 of 28 May 2019;': ['resolution WHA res 72.5'],
  'World Health Organization, document WHA58/2005/REC/1, resolution 58.3, annex.': [
    'document WHA58/2005/REC/1',
    'resolution WHA res 58.3',
  ],
  'Rappeler la résolution 72.4 de l’Assemblée mondiale de la Santé, en date du 24 mai 2019': [
    'resolution WHA res 72.4',
  ],
  'ссылаемся на резолюцию 72.4 Всемирной ассамблеи здравоохранения от 24 мая 2019 года': [
    'resolution WHA res 72.4',
  ],
  '回顾世界卫生大会2019年5月24日题为“筹备联合国大会全民健康覆盖问题高级别会议”的第72.4号决议；': [
    'resolution WHA res 72.4',
  ],
  'in line with resolution WHA72.1 of the World Health Assembly': ['resolution WHA res 72.1'],
  // depositary
  'See C.N.347.2024.TREATIES-XXVI.6 (depositary notification).': ['document C.N.347.2024.TREATIES-XXVI.6'],
  'См. C.N.347.2024.TREATIES-XXVI.6 (уведомление депозитария)': ['document C.N.347.2024.TREATIES-XXVI.6'],
  'C.N.123.2015.TREATIES-XXVII.7.d': ['document C.N.123.2015.TREATIES-XXVII.7.d'],
};

function run(scan: Scan, example: string): Mention[] {
  const text = normalize(example).text;
  return scan(text, { lang: detectLang(text) });
}

describe('grammar examples', () => {
  it('covers every grammar module', () => {
    expect(modules.map((m) => m.name).sort()).toEqual([
      'depositary',
      'health',
      'officialRecords',
      'resolution',
      'sales',
      'symbol',
      'treaty',
    ]);
  });
  it('every match example has its keys written here, and every written one is an example', () => {
    const examples = modules.flatMap((m) => m.examples.match);
    expect(examples.filter((e) => !(e in KEYS))).toEqual([]);
    expect(Object.keys(KEYS).filter((e) => !examples.includes(e))).toEqual([]);
  });
  for (const mod of modules) {
    describe(mod.name, () => {
      it.each(mod.examples.match)('finds exactly the keys of %s', (example) => {
        expect(run(mod.scan, example).map((m) => `${m.kind} ${m.key}`)).toEqual(KEYS[example]);
      });
      it.each(mod.examples.match)('no other rule takes %s', (example) => {
        const others = modules
          .filter((o) => o !== mod)
          .flatMap((o) => run(o.scan, example).map((m) => `${o.name}: ${m.kind} ${m.key} "${m.surface}"`));
        expect(others).toEqual([]);
      });
      it.each(mod.examples.noMatch)('ignores %s', (example) => {
        expect(run(mod.scan, example)).toEqual([]);
      });
    });
  }
});
