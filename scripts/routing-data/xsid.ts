// xSID (mainlp/xsid, CC-BY-SA-4.0): the English test and validation queries to a voice
// assistant of the Facebook multilingual task-oriented set and of SNIPS (weather, alarms,
// reminders, restaurant booking, music, films, books), translated by people into 12+ languages.
// Each English sentence is taken in one language (seeded draw, Japanese and Chinese first), and
// half of those drawn in another language also in Japanese or Chinese; each query is placed under a registry of its vertical
// (clinc150-registries.ts) and labeled from its intent.
//
//   node scripts/routing-data/xsid.ts --from /work/.mirror/mainlp+xsid/repo
import { assertOverridesUsed, type LabelOverride, readLabels, seedOf } from './builder-kit.ts';
import { type Need, place, placementLabel } from './clinc150-registries.ts';
import {
  headCommit,
  type LabeledRecord,
  random,
  readGitFile,
  shuffle,
  sourceDir,
  writeSource,
} from './lib.ts';

const VERSION = 'data/xSID-0.7';

/** Intent → the vertical whose registry it sits under and the tool it needs. */
const INTENTS: Record<string, { vertical: string; need: Need }> = {
  'weather/find': { vertical: 'utility', need: { tools: ['get_weather'] } },
  'alarm/set_alarm': { vertical: 'utility', need: { tools: ['set_alarm'], also: ['set_timer'] } },
  'alarm/modify_alarm': { vertical: 'utility', need: { tools: ['set_alarm'] } },
  'alarm/cancel_alarm': { vertical: 'utility', need: { tools: ['cancel_alarm'] } },
  'alarm/show_alarms': { vertical: 'utility', need: { tools: ['list_alarms'] } },
  'alarm/time_left_on_alarm': { vertical: 'utility', need: { tools: ['list_alarms'] } },
  'alarm/snooze_alarm': { vertical: 'utility', need: { tools: ['snooze_alarm'] } },
  'reminder/set_reminder': {
    vertical: 'home',
    need: { tools: ['create_reminder'], also: ['update_calendar', 'update_todo_list'] },
  },
  'reminder/show_reminders': { vertical: 'home', need: { tools: ['list_reminders'] } },
  'reminder/cancel_reminder': {
    vertical: 'home',
    need: { tools: ['cancel_reminder'] },
  },
  BookRestaurant: {
    vertical: 'kitchen_and_dining',
    need: { tools: ['book_table'], also: ['search_restaurants'] },
  },
  PlayMusic: { vertical: 'media', need: { tools: ['play_music'] } },
  AddToPlaylist: { vertical: 'media', need: { tools: ['add_to_playlist'] } },
  SearchScreeningEvent: {
    vertical: 'media',
    need: { tools: ['find_showtimes'], also: ['buy_movie_tickets'] },
  },
  SearchCreativeWork: { vertical: 'media', need: { tools: ['search_media_catalog'] } },
  RateBook: { vertical: 'media', need: { tools: ['rate_title'] } },
};

/** Languages used (dialect files such as gsw, nap, de-st, no have no ISO 639-1 code). */
const LANGS = ['en', 'ja', 'zh', 'de', 'it', 'nl', 'da', 'id', 'tr', 'ar', 'sr', 'kk', 'lt'];
/** Draw weights of a sentence's language; ja only exists for the Facebook (non-SNIPS) half. */
const WEIGHTS: Record<string, number> = {
  ja: 0.42,
  zh: 0.24,
  en: 0.05,
  de: 0.06,
  it: 0.03,
  nl: 0.03,
  da: 0.03,
  id: 0.03,
  tr: 0.03,
  ar: 0.03,
  sr: 0.02,
  kk: 0.02,
  lt: 0.01,
};
/** At most this many sentences per intent; weather is a quarter of the source. */
const CAP: Record<string, number> = { 'weather/find': 90 };
const DEFAULT_CAP = 60;

interface Sentence {
  id: string;
  text: string;
  textEn: string;
  intent: string;
}

function parse(conll: string): Sentence[] {
  const out: Sentence[] = [];
  for (const block of conll.split(/\n\s*\n/)) {
    const meta: Record<string, string> = {};
    for (const line of block.split('\n')) {
      const m = /^# ([\w-]+) = (.*)$/.exec(line);
      if (m?.[1] && m[2] !== undefined) meta[m[1]] = m[2];
    }
    if (meta.text && meta.intent) {
      out.push({
        id: meta.id ?? '',
        text: meta.text,
        textEn: meta['text-en'] ?? meta.text,
        intent: meta.intent,
      });
    }
  }
  return out;
}

const HAN_KANA = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;

/**
 * Undoes the source's tokenization, nothing else: Japanese and Chinese sentences are stored
 * with spaces between tokens (a space next to a CJK character, or between two digits in
 * Japanese, is dropped), and the space
 * before final punctuation is dropped. Serbian sentences carry the original spelling of names
 * in brackets ("Djuka Elingtona [Duke Ellington]"): the bracketed note is dropped.
 */
export function detokenize(text: string, lang: string): string {
  let s = text.trim();
  if (lang === 'sr') s = s.replace(/\s*\[[^\]]*\]/g, '');
  if (lang === 'ja' || lang === 'zh') {
    const chars = [...s];
    s = chars
      .filter((c, i) => {
        if (c !== ' ') return true;
        const prev = chars[i - 1] ?? '';
        const next = chars[i + 1] ?? '';
        if (CJK.test(prev) || CJK.test(next)) return false;
        // The Japanese files split numbers into digits ("3 0 分"): joined back.
        return !(lang === 'ja' && /\d/.test(prev) && /\d/.test(next));
      })
      .join('');
  }
  return s.replace(/\s+([.,!?;:])/g, '$1').replace(/\s+/g, ' ');
}

function main(): void {
  const dir = sourceDir();
  const overrides = readLabels<Record<string, LabelOverride>>('xsid-labels.json');
  // key `<split>-<position of the English sentence>` → language → sentence. The English files
  // carry no ids; the other files name the English sentence in `text-en` (their `id` is its
  // position, except in lt), and their intent is the English one (the ar file mislabels some).
  const byKey = new Map<string, Map<string, Sentence>>();
  for (const split of ['test', 'valid']) {
    const keysOfEn = new Map<string, string[]>();
    for (const [i, s] of parse(readGitFile(dir, `${VERSION}/en.${split}.conll`)).entries()) {
      const key = `${split}-${i + 1}`;
      keysOfEn.set(s.text, [...(keysOfEn.get(s.text) ?? []), key]);
      byKey.set(key, new Map([['en', s]]));
    }
    for (const lang of LANGS.filter((l) => l !== 'en')) {
      for (const s of parse(readGitFile(dir, `${VERSION}/${lang}.${split}.conll`))) {
        // The same English text may occur twice: its translations fill its positions in order.
        const key = keysOfEn.get(s.textEn)?.find((k) => !byKey.get(k)?.has(lang));
        const versions = key ? byKey.get(key) : undefined;
        const en = versions?.get('en');
        if (!versions || !en) continue;
        // A few sentences were left in English in the other files: not taken as translations.
        if (s.text.trim() === s.textEn.trim()) continue;
        if ((lang === 'ja' || lang === 'zh') && !HAN_KANA.test(s.text)) continue;
        versions.set(lang, { ...s, intent: en.intent });
      }
    }
  }
  const rand = random(2021);
  // One sentence per English text (the source repeats a few), at most CAP per intent.
  const seenEn = new Set<string>();
  const seenInput = new Set<string>();
  const perIntent = new Map<string, number>();
  const records: LabeledRecord[] = [];
  const keys = shuffle(
    rand,
    [...byKey.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
  );
  for (const key of keys) {
    const versions = byKey.get(key);
    const en = versions?.get('en');
    if (!versions || !en) continue;
    const spec = INTENTS[en.intent];
    if (!spec) throw new Error(`unknown intent ${en.intent}`);
    const enKey = en.text.toLowerCase().replace(/\W+/g, ' ').trim();
    if (seenEn.has(enKey)) continue;
    const n = perIntent.get(en.intent) ?? 0;
    if (n >= (CAP[en.intent] ?? DEFAULT_CAP)) continue;
    seenEn.add(enKey);
    perIntent.set(en.intent, n + 1);
    // Draw the language among those that have this sentence.
    const avail = LANGS.filter((l) => versions.has(l));
    const total = avail.reduce((sum, l) => sum + (WEIGHTS[l] ?? 0), 0);
    let r = rand() * total;
    let lang = avail[avail.length - 1] ?? 'en';
    for (const l of avail) {
      r -= WEIGHTS[l] ?? 0;
      if (r < 0) {
        lang = l;
        break;
      }
    }
    // Half the sentences drawn in another language are also taken in Japanese (or Chinese
    // where the Japanese file lacks them), the languages with the least evidence elsewhere.
    const taken = [lang];
    if (lang !== 'ja' && lang !== 'zh' && rand() < 0.5) {
      const second = ['ja', 'zh'].find((l) => versions.has(l));
      if (second) taken.push(second);
    }
    for (const l of taken) {
      const sentence = versions.get(l) ?? en;
      const input = detokenize(sentence.text, l);
      // Two English sentences may have one translation ("show my alarms"): taken once.
      if (seenInput.has(input)) continue;
      seenInput.add(input);
      const id = `xsid:${l}-${key}`;
      const placement = place(random(seedOf(id)), spec.vertical, spec.need);
      const override = overrides[id];
      const expected = placementLabel(placement, override);
      records.push({
        id,
        source: 'xsid',
        input,
        tools: placement.tools,
        expected,
        ...(l === 'en' ? {} : { lang: l }),
      });
    }
  }
  const langs = new Map<string, number>();
  for (const r of records) langs.set(r.lang ?? 'en', (langs.get(r.lang ?? 'en') ?? 0) + 1);
  console.log(`mainlp/xsid ${headCommit(dir)} ${VERSION}`);
  console.log(
    [...langs.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([l, c]) => `${l} ${c}`)
      .join(', '),
  );
  console.log(
    [...perIntent.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([i, c]) => `${i} ${c}`)
      .join(', '),
  );
  assertOverridesUsed(overrides, records);
  writeSource('xsid', records);
}

main();
