// CLINC150 (clinc/oos-eval, CC-BY-3.0): crowd-written user queries to a task assistant, 150
// intents in 10 domains plus out-of-scope queries. Each query is placed under a tool registry of
// its domain's vertical (clinc150-registries.ts) and labeled from its intent by the table below.
//
//   node scripts/routing-data/clinc150.ts --from /work/.mirror/clinc+oos-eval/repo
import {
  assertOverridesUsed,
  jaccard,
  type LabelOverride,
  readLabels,
  seedOf,
} from './builder-kit.ts';
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

/**
 * How an intent's queries are labeled when the needed tool is offered:
 * - `howto`: a query that asks how/where to do it (the process) is answered by explaining it:
 *   direct; a query that asks to do it needs the tool;
 * - `personal`: a query about the user's own car/card needs the tool; a general question
 *   ("how often should tires be changed") is general knowledge: direct;
 * - `arith`: easy arithmetic is direct; long multiplication/division, roots of non-squares and
 *   big factorials or powers need the calculator when it is offered.
 */
type Rule = 'howto' | 'personal' | 'arith';
interface Intent extends Need {
  rule?: Rule;
}

const t = (tools: string[], extra: Omit<Intent, 'tools'> = {}): Intent => ({ tools, ...extra });
const direct = (tempting: string[] = []): Intent => ({ tools: [], tempting });

/** Intent → what it needs. Intents absent here (small talk, meta yes/no...) are direct. */
const INTENTS: Record<string, Intent> = {
  // banking
  freeze_account: t(['freeze_account'], { rule: 'howto' }),
  routing: t(['get_account_details']),
  pin_change: t(['change_pin'], { rule: 'howto' }),
  bill_due: t(['get_bills']),
  pay_bill: t(['pay_bill']),
  account_blocked: t(['get_account_details']),
  interest_rate: t(['get_account_details']),
  min_payment: t(['get_bills']),
  bill_balance: t(['get_bills']),
  transfer: t(['transfer_funds']),
  order_checks: t(['order_checks'], { rule: 'howto' }),
  balance: t(['get_account_balance']),
  spending_history: t(['list_transactions'], { also: ['list_card_transactions'] }),
  transactions: t(['list_transactions'], { also: ['list_card_transactions'] }),
  report_fraud: t(['report_fraud']),
  // credit cards
  replacement_card_duration: t(['track_card_delivery'], { rule: 'personal' }),
  expiration_date: t(['get_card_details']),
  damaged_card: t(['block_and_replace_card'], { rule: 'howto' }),
  improve_credit_score: direct(['get_credit_score']),
  report_lost_card: t(['block_and_replace_card'], { rule: 'howto' }),
  card_declined: t(['list_card_transactions']),
  credit_limit_change: t(['request_credit_limit_increase']),
  apr: t(['get_card_details']),
  redeem_rewards: t(['redeem_rewards'], { rule: 'howto' }),
  credit_limit: t(['get_card_details']),
  rewards_balance: t(['get_rewards_balance']),
  application_status: t(['get_application_status']),
  credit_score: t(['get_credit_score'], { rule: 'howto' }),
  new_card: t(['apply_for_card'], { also: ['compare_card_offers'], rule: 'howto' }),
  international_fees: t(['get_card_details']),
  // kitchen and dining
  food_last: direct(),
  confirm_reservation: t(['get_my_reservations']),
  how_busy: t(['get_wait_time']),
  ingredients_list: direct(['search_recipes']),
  calories: direct(['nutrition_lookup']),
  nutrition_info: direct(['nutrition_lookup']),
  recipe: direct(['search_recipes']),
  restaurant_reviews: t(['get_restaurant_reviews']),
  restaurant_reservation: t(['book_table']),
  meal_suggestion: direct(['search_recipes']),
  restaurant_suggestion: t(['search_restaurants']),
  cancel_reservation: t(['cancel_reservation']),
  ingredient_substitution: direct(['search_recipes']),
  cook_time: direct(['search_recipes']),
  accept_reservations: t(['get_restaurant_info']),
  // home
  what_song: t(['identify_song']),
  play_music: t(['play_music']),
  todo_list_update: t(['update_todo_list']),
  reminder: t(['list_reminders']),
  reminder_update: t(['create_reminder'], { also: ['update_calendar', 'update_todo_list'] }),
  calendar_update: t(['update_calendar']),
  order_status: t(['track_order']),
  update_playlist: t(['add_to_playlist']),
  shopping_list: t(['get_shopping_list']),
  calendar: t(['get_calendar_events']),
  next_song: t(['skip_track']),
  order: t(['place_order']),
  todo_list: t(['get_todo_list']),
  shopping_list_update: t(['update_shopping_list']),
  smart_home: t(['control_smart_device']),
  // auto and commute
  current_location: t(['get_current_location']),
  oil_change_when: t(['get_vehicle_status'], {
    also: ['get_service_history', 'get_vehicle_info'],
    rule: 'personal',
  }),
  oil_change_how: direct(['get_vehicle_info']),
  uber: t(['request_ride']),
  traffic: t(['get_traffic']),
  tire_pressure: t(['get_vehicle_status']),
  schedule_maintenance: t(['book_service_appointment']),
  gas: t(['get_vehicle_status']),
  mpg: t(['get_vehicle_info'], { also: ['get_vehicle_status'], rule: 'personal' }),
  distance: t(['get_directions']),
  directions: t(['get_directions'], { also: ['find_nearby'] }),
  last_maintenance: t(['get_service_history']),
  gas_type: t(['get_vehicle_info'], { rule: 'personal' }),
  tire_change: t(['get_vehicle_status'], {
    also: ['get_service_history', 'get_vehicle_info'],
    rule: 'personal',
  }),
  jump_start: direct(),
  // travel
  plug_type: direct(),
  travel_notification: t(['set_travel_notice']),
  translate: direct(['translate_text']),
  flight_status: t(['get_flight_status'], { also: ['get_trip_itinerary'] }),
  international_visa: direct(),
  timezone: direct(['get_current_time']),
  exchange_rate: t(['get_exchange_rate']),
  travel_suggestion: direct(),
  travel_alert: t(['get_travel_advisories']),
  vaccines: direct(),
  lost_luggage: t(['report_lost_luggage']),
  book_flight: t(['search_flights'], { also: ['book_flight'] }),
  book_hotel: t(['search_hotels']),
  carry_on: direct(),
  car_rental: t(['search_rental_cars']),
  // utility
  weather: t(['get_weather']),
  alarm: t(['set_alarm'], { also: ['set_timer'] }),
  date: t(['get_current_time']),
  find_phone: t(['locate_device']),
  share_location: t(['share_location']),
  timer: t(['set_timer'], { also: ['set_alarm'] }),
  make_call: t(['place_call']),
  calculator: { tools: [], tempting: ['calculator'], rule: 'arith' },
  definition: direct(['dictionary_lookup']),
  measurement_conversion: direct(['convert_units']),
  flip_coin: direct(),
  spelling: direct(['dictionary_lookup']),
  time: t(['get_current_time']),
  roll_dice: direct(),
  text: t(['send_text_message']),
  // work
  pto_request_status: t(['get_pto_request_status']),
  next_holiday: t(['get_company_holidays']),
  insurance_change: t(['change_benefits_plan'], { rule: 'howto' }),
  insurance: t(['get_benefits']),
  meeting_schedule: t(['get_calendar_events']),
  payday: t(['get_payroll_info']),
  taxes: t(['get_tax_summary'], { also: ['get_payroll_info'] }),
  income: t(['get_payroll_info']),
  rollover_401k: direct(),
  pto_balance: t(['get_pto_balance']),
  pto_request: t(['submit_pto_request']),
  w2: t(['get_tax_documents'], { rule: 'howto' }),
  schedule_meeting: t(['book_meeting'], { rule: 'howto' }),
  direct_deposit: t(['update_direct_deposit'], { rule: 'howto' }),
  pto_used: t(['get_pto_balance']),
  // meta: the assistant's own settings
  change_speed: t(['update_assistant_settings']),
  change_accent: t(['update_assistant_settings']),
  change_ai_name: t(['update_assistant_settings']),
  change_language: t(['update_assistant_settings']),
  change_user_name: t(['update_assistant_settings'], { rule: 'howto' }),
  whisper_mode: t(['update_assistant_settings']),
  reset_settings: t(['update_assistant_settings']),
  change_volume: t(['set_volume']),
  user_name: t(['get_user_profile']),
  sync_device: t(['pair_device']),
};

const HOWTO = new RegExp(
  [
    String.raw`\bhow (?:do|can|could|would|should|does|is|are) (?:i|you|one|we|people)\b`,
    String.raw`\bhow to\b`,
    String.raw`\bwhat (?:do i|should i|does one|is the (?:process|procedure|protocol|way)|are the (?:steps|ways|options))\b`,
    String.raw`\bwhat's the (?:process|procedure|way)\b`,
    String.raw`^(?:\w+,? )?where (?:can|do|should|would|could|does) (?:i|one|you)\b`,
    String.raw`^where (?:is|are) (?:the|a)\b`,
    String.raw`\bis there (?:a|any) ?way\b`,
    String.raw`\bwho (?:do|should|can) i\b`,
    String.raw`\b(?:steps|process|procedure|instructions) (?:to|for)\b`,
    String.raw`\bwalk me through\b`,
  ].join('|'),
);
const PERSONAL = /\b(?:my|mine|me|i|i'm|i've|i'd|i'll|our|we|this car|the car|this vehicle)\b/;

function isHardArithmetic(text: string): boolean {
  const numbers = (text.match(/\d+(?:\.\d+)?/g) ?? []).map(Number);
  const digits = (text.match(/\d+/g) ?? []).map((d) => d.length);
  if (/factorial/.test(text)) return numbers.some((n) => n > 12);
  if (/(square|cube) root|root of/.test(text)) {
    return numbers.some((n) => n >= 100 && !Number.isInteger(Math.sqrt(n)));
  }
  if (/power|\^|squared|cubed/.test(text) && numbers.some((n) => n >= 100)) return true;
  if (/times|multipl|\bx\b|\*|divid|over|into|\//.test(text)) {
    const sorted = [...digits].sort((a, b) => b - a);
    return (sorted[0] ?? 0) + (sorted[1] ?? 0) >= 6;
  }
  return digits.some((d) => d >= 7);
}

/** Whether the query needs its intent's tool (false: a model answers it alone). */
function needsTool(intent: Intent, text: string): boolean {
  if (intent.rule === 'arith') return isHardArithmetic(text);
  if (intent.tools.length === 0) return false;
  if (intent.rule === 'howto') return !HOWTO.test(text);
  if (intent.rule === 'personal') return PERSONAL.test(text);
  return true;
}

/**
 * Out-of-scope queries are direct (no registry offers a web search or a general knowledge
 * tool); the ones that one of our tools could serve are left out.
 */
const OOS_SERVED =
  /\b(?:order|orders|package|deliver|calendar|remind|reminder|alarm|timer|weather|rain|forecast|account|bank|card|balance|credit|transfer|pay|paid|bill|flight|hotel|reservation|reserve|book|song|music|playlist|play|traffic|car|gas|tire|drive|route|directions|distance|location|where am i|near me|nearby|call|text|message|email|pto|vacation|salary|paycheck|tax|insurance|benefit|meeting|schedule|restaurant|recipe|calorie|translate|time is it|today|tomorrow|tonight|volume|light|lights|thermostat|door|remote|fridge|exchange|currency|uber|ride|shopping|list|todo|message|messages|movie|movies|cinema|film|show|shows|tv|episode|season|hbo|netflix|open|close|closes|hours|work|daily|every day|twice a day|reservations)\b/;

/** At most this many queries per intent (the 120 task intents), so no intent dominates. */
const PER_TASK_INTENT = 7;
/** Small talk and meta yes/no... (30 intents). */
const PER_CHAT_INTENT = 4;
const OOS = 110;

const CHAT_DOMAINS = new Set(['small_talk', 'meta']);

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[a-z0-9']+/g) ?? []);
}

/** Picks up to `n` queries, skipping near-duplicates of ones already picked (same template). */
function diverse(rand: () => number, items: readonly Item[], n: number): Item[] {
  const out: Item[] = [];
  const sets: Set<string>[] = [];
  for (const threshold of [0.4, 0.6]) {
    for (const item of shuffle(rand, items)) {
      if (out.length >= n) return out;
      if (out.includes(item)) continue;
      const w = words(item.text);
      if (sets.some((s) => jaccard(s, w) > threshold)) continue;
      out.push(item);
      sets.push(w);
    }
  }
  return out;
}

interface Item {
  id: string;
  text: string;
  intent: string;
}

function main(): void {
  const dir = sourceDir();
  const data = JSON.parse(readGitFile(dir, 'data/data_full.json')) as Record<
    string,
    [string, string][]
  >;
  const domains = JSON.parse(readGitFile(dir, 'data/domains.json')) as Record<string, string[]>;
  const overrides = readLabels<Record<string, LabelOverride>>('clinc150-labels.json');
  const domainOf = new Map<string, string>();
  for (const [domain, intents] of Object.entries(domains)) {
    for (const intent of intents) domainOf.set(intent, domain);
  }
  // Test split first, then the others: ids are `<split>-<index in split>`.
  const byIntent = new Map<string, Item[]>();
  const seenText = new Set<string>();
  for (const split of ['test', 'val', 'train', 'oos_test', 'oos_val', 'oos_train']) {
    for (const [i, [text, intent]] of (data[split] ?? []).entries()) {
      const key = text.trim().toLowerCase();
      if (seenText.has(key)) continue;
      seenText.add(key);
      const list = byIntent.get(intent) ?? [];
      list.push({ id: `${split}-${i}`, text: text.trim(), intent });
      byIntent.set(intent, list);
    }
  }

  const rand = random(150);
  const verticals = Object.keys(domains).filter((d) => !CHAT_DOMAINS.has(d));
  const records: LabeledRecord[] = [];
  const kinds = new Map<string, number>();
  const count = (kind: string) => kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  for (const intent of [...byIntent.keys()].sort()) {
    const items = byIntent.get(intent) ?? [];
    const domain = domainOf.get(intent) ?? 'oos';
    let chosen: Item[];
    if (intent === 'oos') {
      chosen = diverse(
        rand,
        items.filter((it) => !OOS_SERVED.test(it.text.toLowerCase())),
        OOS,
      );
    } else {
      chosen = diverse(rand, items, CHAT_DOMAINS.has(domain) ? PER_CHAT_INTENT : PER_TASK_INTENT);
    }
    const spec = INTENTS[intent] ?? direct();
    for (const item of chosen) {
      const id = `clinc150:${item.id}`;
      const r = random(seedOf(id));
      // Task intents sit under their domain's registry; the assistant's own settings under the
      // assistant's; small talk and out-of-scope queries under any vertical.
      const vertical =
        intent === 'oos' || (domain === 'small_talk' && !INTENTS[intent])
          ? verticals[Math.floor(r() * verticals.length)]
          : domain === 'meta'
            ? INTENTS[intent]
              ? 'assistant'
              : verticals[Math.floor(r() * verticals.length)]
            : domain;
      const text = item.text.toLowerCase();
      const need = needsTool(spec, text);
      const tools = need ? (spec.rule === 'arith' ? ['calculator'] : spec.tools) : [];
      const placement = place(r, vertical ?? 'utility', {
        tools,
        also: need ? spec.also : [],
        tempting: need ? [] : [...spec.tools, ...(spec.also ?? []), ...(spec.tempting ?? [])],
      });
      const override = overrides[id];
      const expected = placementLabel(placement, override);
      count(
        override
          ? 'override'
          : placement.missing
            ? 'needed tool not offered'
            : need
              ? 'tool offered'
              : intent === 'oos'
                ? 'out of scope'
                : spec.tools.length > 0 || spec.rule === 'arith'
                  ? `direct by the ${spec.rule} rule`
                  : 'direct intent',
      );
      records.push({ id, source: 'clinc150', input: item.text, tools: placement.tools, expected });
    }
  }
  console.log(`clinc/oos-eval ${headCommit(dir)}`);
  console.log([...kinds.entries()].map(([k, n]) => `${k} ${n}`).join(', '));
  assertOverridesUsed(overrides, records);
  writeSource('clinc150', records);
}

main();
