import { describe, expect, it } from 'vitest';
import { findCitations } from '../find';
import { defaultInstrumentMatcher } from '../instruments/default-gazetteer';

/** (kind key) of every mention, in order; real sentences of the GA texts 74-80 in six languages. */
function found(text: string, gazetteer = false): string[] {
  return findCitations(text, gazetteer ? { gazetteer: defaultInstrumentMatcher() } : {}).mentions.map(
    (m) => `${m.kind} ${m.key}`,
  );
}

describe('World Health Assembly resolutions and records', () => {
  it.each([
    [
      'Recalling further World Health Assembly resolutions 60.18 of 23 May 2007 and 64.17 of 24 May 2011, urging',
      ['resolution WHA res 60.18', 'resolution WHA res 64.17'],
    ],
    [
      'Recordando además las resoluciones de la Asamblea Mundial de la Salud 60.18, de 23 de mayo de 2007, y 64.17, de 24 de mayo de 2011, en que',
      ['resolution WHA res 60.18', 'resolution WHA res 64.17'],
    ],
    [
      'ссылаясь также на резолюции Всемирной ассамблеи здравоохранения 60.18 от 23 мая 2007 года и 64.17 от 24 мая 2011 года, в которых',
      ['resolution WHA res 60.18', 'resolution WHA res 64.17'],
    ],
    [
      '还回顾世界卫生大会2007年5月23日第60.18号和2011年5月24日第64.17号决议，其中敦促',
      ['resolution WHA res 60.18', 'resolution WHA res 64.17'],
    ],
    [
      'وإذ تشير كذلك إلى قراري جمعية الصحة العالمية 60-18 المؤرخ 23 أيار/مايو 2007 و 64-17 المؤرخ 24 أيار/مايو 2011 اللذين',
      ['resolution WHA res 60.18', 'resolution WHA res 64.17'],
    ],
    [
      'recall resolution 57.10 of 22 May 2004 adopted by the World Health Assembly, See',
      ['resolution WHA res 57.10'],
    ],
    [
      'ссылаемся на принятую Всемирной ассамблеей здравоохранения резолюцию 57.10 от 22 мая 2004 года',
      ['resolution WHA res 57.10'],
    ],
    [
      '世界卫生组织，WHA58/2005/REC/1号文件，第58.3号决议，附件。',
      ['document WHA58/2005/REC/1', 'resolution WHA res 58.3'],
    ],
    [
      '() منظمة الصحة العالمية، الوثيقة WHA58/2005/REC/1، القرار 58-3، المرفق.',
      ['document WHA58/2005/REC/1', 'resolution WHA res 58.3'],
    ],
    // The Assembly is named only by the record its footnote cites, of the first number's session.
    [
      'Rappelant également les résolutions 60.18 et 64.17, préconisant toutes sortes de mesures Voir Organisation mondiale de la Santé, documents WHASS1/2006‑WHA60/2007/REC/1 et WHA64/2011/REC/1.',
      [
        'resolution WHA res 60.18',
        'resolution WHA res 64.17',
        'document WHA60/2007/REC/1',
        'document WHA64/2011/REC/1',
      ],
    ],
    // Further items of the list, each followed by the record of its own session.
    [
      'les résolutions 60.18 et 64.17, préconisant Voir Organisation mondiale de la Santé, documents WHA60/2007/REC/1 et WHA64/2011/REC/1., 61.18, sur le suivi Voir Organisation mondiale de la Santé, document WHA61/2008/REC/1., et 68.2, relative à la Stratégie Voir Organisation mondiale de la Santé, document WHA68/2015/REC/1',
      [
        'resolution WHA res 60.18',
        'resolution WHA res 64.17',
        'document WHA60/2007/REC/1',
        'document WHA64/2011/REC/1',
        'resolution WHA res 61.18',
        'document WHA61/2008/REC/1',
        'resolution WHA res 68.2',
        'document WHA68/2015/REC/1',
      ],
    ],
    [
      '() منظمة الصحة العالمية، الوثيقة WHA58/2005/REC/1، القرار3-58 المرفق.',
      ['document WHA58/2005/REC/1', 'resolution WHA res 58.3'],
    ],
    [
      'as requested in resolutions WHA58.3 and WHA61.2 and decision WHA65(9)',
      ['resolution WHA res 58.3', 'resolution WHA res 61.2', 'decision WHA dec 65(9)'],
    ],
  ])('%s', (text, keys) => {
    expect(found(text)).toEqual(keys);
  });

  it('takes no number near the Assembly that no resolution noun governs', () => {
    expect(
      found(
        'The Seventy-second World Health Assembly, held in Geneva from 20 to 28 May 2019, noted 72.4 per cent',
      ),
    ).toEqual([]);
    expect(found('Recalling resolution 72.4 on coverage')).toEqual([]);
    // A record of another session does not make the number the Assembly's.
    expect(
      found('Recalling resolution 12.4 on coverage, World Health Organization, document WHA60/2007/REC/1.'),
    ).toEqual(['document WHA60/2007/REC/1']);
  });
});

describe('press releases and depositary notifications', () => {
  it('keys press releases as documents', () => {
    expect(
      found(
        'Recalling the Security Council press statement of 9 May 2018, SC/13331, and SG/SM/22000 and GA/SHC/4321,',
      ),
    ).toEqual(['document SC/13331', 'document SG/SM/22000', 'document GA/SHC/4321']);
  });
  it('keys a depositary notification by its symbol', () => {
    expect(found('См. C.N.347.2024.TREATIES-XXVI.6 (уведомление депозитария).')).toEqual([
      'document C.N.347.2024.TREATIES-XXVI.6',
    ]);
  });
});

describe('titles inside the name of a body', () => {
  it('takes the Rome Statute inside the Review Conference’s and the Assembly of States Parties’ names as no mention', () => {
    const text =
      'adopted at the Review Conference of the Rome Statute of the International Criminal Court, and the Assembly of States Parties to the Rome Statute of the International Criminal Court; the Rome Statute of the International Criminal Court';
    expect(found(text, true)).toEqual(['instrument UNTS I-38544']);
  });
});
