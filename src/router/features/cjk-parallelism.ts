// Items of work in Chinese and Japanese, which the parallelism patterns (written for scripts with
// spaces) cannot read: a counted noun ("四家子公司", "5件のチケット"), a list joined by 、 or ・
// ("德国、法国和荷兰"), "each" (分别, それぞれ, ごと), and what the work per item is.

/** A number in digits or in Chinese and Japanese numerals. */
const NUMBER = '(\\d{1,2}|[一二两三四五六七八九十]{1,3})';
/** A classifier after a number: 个 (items), 家 (companies), 门 (courses), つ, 件, 社... */
const CLASSIFIER =
  '(?:つの|个|個|家|门|門|款|份|件の?|社|篇|项|項|条|條|本|部|か国|カ国|国|拠点|法人|つ)';
/** A counted noun: the number, its classifier, and the noun's first characters. */
const COUNTED = new RegExp(`${NUMBER}\\s*${CLASSIFIER}([^\\s、，,。！？!?：:（）()]{0,4})`, 'gu');
/**
 * Aspects or parts of one piece of work ("从价格、性能和售后四个方面分析", "価格・性能の観点から",
 * "包括背景、目标和结论四个部分"): one task looked at from several sides, not items of work.
 */
const ASPECT_WORDS =
  '方面|维度|維度|角度|観点|側面|视角|視点|层面|層面|部分|章节|章節|要素|因素|要点|特点|特徴|指标|指標';
const ASPECT = new RegExp(ASPECT_WORDS, 'u');
/**
 * Things an answer lists ("五个方法", "アイデアを5つ挙げて"), people ("三位同事", "十个客户"),
 * lines ("3行で", "三句话") and aspects ("四个方面"): one answer or an audience, not items of work.
 */
const NOT_WORK = new RegExp(
  `^(挙げ|あげ|教え|方法|办法|点|ポイント|例|理由|原因|标题|タイトル|ヒント|コツ|句|行|种|種|步|ステップ|问题|質問|选项|选择|建议|客户|顾客|顧客|同事|人|名|位|员工|社員|字|词|単語|天|日|周|週|月|年|小时|時間|分|秒|次|回|倍|${ASPECT_WORDS})`,
  'u',
);
/**
 * A run of short items joined by 、 or ・ (the last may hold two, joined by 和, 与, 及, と, や); an
 * item ends at a possessive (的, の): "德国、法国和荷兰的政策" lists three countries.
 */
const LISTED =
  /[^、・，,。！？!?：:（）()\s的の]{1,12}(?:[、・][^、・，,。！？!?：:（）()\s的の]{1,12})+/gu;
/** Each item handled on its own. */
export const CJK_EACH =
  /分别|分別|每个|每家|每份|每门|每篇|每位|各自|逐一|それぞれ|ごと|個別|各社|各部門/u;
/** Work per item big enough for its own context: research, review, analysis, a report, a draft. */
export const CJK_SUBSTANTIAL =
  /调研|調べ|调查|調査|审查|審査|レビュー|分析|报告|報告|レポート|简报|大纲|大綱|文案|意见书|意見書|改善案|改进建议|对账|試算表|まとめ|整理|撰写|写一|書いて|作成|比较|比較|对比|返信案|コメント|评估|評価|方案|提案/u;
/** Quick look-ups per item: one agent makes those calls in one turn. */
export const CJK_TRIVIAL =
  /天气|天気|股价|株価|汇率|為替|库存|在庫|余额|残高|状态|ステータス|翻译|翻訳/u;

/** A question for a quantity ("还剩多少", "いくつ"): a word problem counts things, it hands out no work. */
const QUANTITY = /多少|几个|幾つ|いくつ|何個|何人|何本|何枚|何冊|一共|总共|合計/u;

/** How many items of work a Chinese or Japanese request counts or lists. */
export function countCjkItems(original: string): number {
  if (QUANTITY.test(original)) return 0;
  let best = 0;
  COUNTED.lastIndex = 0;
  for (let match = COUNTED.exec(original); match !== null; match = COUNTED.exec(original)) {
    const n = numberOf(match[1] ?? '');
    if (n >= 3 && n <= 50 && !NOT_WORK.test(match[2] ?? '')) best = Math.max(best, n);
  }
  LISTED.lastIndex = 0;
  for (let match = LISTED.exec(original); match !== null; match = LISTED.exec(original)) {
    const items = match[0].split(/[、・]/u);
    if (items.length < 2) continue;
    // The aspects of one piece of work, named just before or after the list, are not items.
    const start = match.index;
    const around = original.slice(Math.max(0, start - 12), start + match[0].length + 6);
    if (ASPECT.test(around)) continue;
    // "A、B和C": the last item holds two.
    const last = items[items.length - 1] ?? '';
    const joined = /.[和与及とや]./u.test(last) ? 1 : 0;
    best = Math.max(best, items.length + joined);
  }
  return best;
}

const NUMERALS: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

/** 3, 十二, 二十 as numbers (up to 99). */
function numberOf(token: string): number {
  if (/^\d+$/.test(token)) return Number(token);
  const ten = token.indexOf('十');
  if (ten < 0) return NUMERALS[token] ?? 0;
  const tens = ten === 0 ? 1 : (NUMERALS[token.slice(0, ten)] ?? 0);
  const ones = ten === token.length - 1 ? 0 : (NUMERALS[token.slice(ten + 1)] ?? 0);
  return tens * 10 + ones;
}
