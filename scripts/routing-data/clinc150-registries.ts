// Tool registries for intent datasets (CLINC150, and xSID through xsid.ts): the tools an
// assistant of each vertical would register, with honest flags, and a seeded placement of one
// utterance under a registry of its vertical.
//
// Flag rules (data/routing/GUIDE.md):
// - sensitiveData: the tool reads the user's own accounts, cards, pay, benefits, calendar,
//   reservations, orders, profile or location;
// - sideEffects: it moves money, books, orders, cancels, changes a device or setting, or
//   sends/calls/shares outward;
// - untrustedInput: it returns text written by outsiders (public reviews, inbound messages).
import type { LabelOverride } from './builder-kit.ts';
import { type LabeledRecord, label, pick, shuffle, type ToolRecord, tool } from './lib.ts';

const S = { sensitiveData: true } as const;
const E = { sideEffects: true } as const;
const SE = { sensitiveData: true, sideEffects: true } as const;

/** Every tool a registry can offer, by name. */
export const TOOLS: Record<string, ToolRecord> = Object.fromEntries(
  [
    // banking
    tool(
      'get_account_balance',
      "Return the current and available balance of one of the user's bank accounts.",
      'banking',
      S,
    ),
    tool(
      'list_transactions',
      "List the user's posted and pending bank transactions, filterable by date, merchant or category.",
      'banking',
      S,
    ),
    tool(
      'get_account_details',
      "Fetch a bank account's details: routing and account numbers, interest rate, status and any holds or blocks.",
      'banking',
      S,
    ),
    tool(
      'transfer_funds',
      "Move money between the user's own accounts or to a saved payee.",
      'banking',
      E,
    ),
    tool('pay_bill', 'Pay a saved biller from one of the user’s accounts.', 'banking', E),
    tool(
      'get_bills',
      "List the user's upcoming bills with amount due, minimum payment and due date.",
      'banking',
      S,
    ),
    tool(
      'freeze_account',
      'Freeze or unfreeze a bank account so that no money can leave it.',
      'banking',
      E,
    ),
    tool(
      'report_fraud',
      'Open a fraud claim on a transaction and dispute the charge.',
      'banking',
      E,
    ),
    tool(
      'change_pin',
      'Set a new PIN for a debit card or account after identity verification.',
      'banking',
      E,
    ),
    tool(
      'order_checks',
      'Order a new checkbook for a checking account, mailed to the address on file.',
      'banking',
      E,
    ),
    tool('find_atm', 'Find ATMs and branches near a location, with opening hours.', 'banking'),
    tool('get_statement', 'Download a monthly account statement as a PDF.', 'banking', S),
    // cards
    tool(
      'get_card_details',
      "Fetch a credit card's terms for the user: credit limit, APR, expiration date and foreign transaction fees.",
      'cards',
      S,
    ),
    tool(
      'list_card_transactions',
      'List recent authorizations and charges on a card, including declined ones and the decline reason.',
      'cards',
      S,
    ),
    tool(
      'block_and_replace_card',
      'Block a lost, stolen or damaged card and order a replacement.',
      'cards',
      E,
    ),
    tool(
      'track_card_delivery',
      'Show where a newly issued or replacement card is in production and shipping.',
      'cards',
      S,
    ),
    tool(
      'request_credit_limit_increase',
      'Submit a credit limit increase request for a card.',
      'cards',
      E,
    ),
    tool(
      'get_rewards_balance',
      "Return the points or cash-back balance of a card's rewards program.",
      'cards',
      S,
    ),
    tool(
      'redeem_rewards',
      'Redeem card reward points for cash back, travel or gift cards.',
      'cards',
      E,
    ),
    tool(
      'get_credit_score',
      "Pull the user's current credit score and report summary from the credit bureau.",
      'cards',
      S,
    ),
    tool(
      'get_application_status',
      "Check the status of the user's pending card application.",
      'cards',
      S,
    ),
    tool(
      'apply_for_card',
      "Start a new credit card application with the user's profile data.",
      'cards',
      E,
    ),
    tool(
      'set_travel_notice',
      'Tell the card issuer the user will travel abroad on given dates so that card use there is not blocked.',
      'cards',
      E,
    ),
    tool(
      'compare_card_offers',
      "List the issuer's current card products with fees, APR and rewards.",
      'cards',
    ),
    // dining
    tool(
      'search_restaurants',
      'Search restaurants near a place by cuisine, price and opening hours.',
      'dining',
    ),
    tool(
      'get_restaurant_reviews',
      'Fetch recent customer reviews and ratings of a restaurant from review sites.',
      'dining',
      { untrustedInput: true },
    ),
    tool(
      'get_restaurant_info',
      "Return a restaurant's hours, address, phone, menu link and whether it takes reservations.",
      'dining',
    ),
    tool(
      'get_wait_time',
      'Estimate the current wait for a table at a restaurant from live busyness data.',
      'dining',
    ),
    tool(
      'book_table',
      'Reserve a table at a restaurant for a party size, date and time.',
      'dining',
      E,
    ),
    tool(
      'get_my_reservations',
      "List the user's upcoming restaurant reservations and their status.",
      'dining',
      S,
    ),
    tool('cancel_reservation', "Cancel one of the user's restaurant reservations.", 'dining', E),
    tool(
      'order_food_delivery',
      'Place a food delivery order from a restaurant and pay with the saved card.',
      'dining',
      E,
    ),
    tool(
      'search_recipes',
      'Search a recipe site for recipes by dish, ingredient or diet.',
      'dining',
    ),
    tool(
      'nutrition_lookup',
      'Look up the calories and nutrients of a food in a nutrition database.',
      'dining',
    ),
    // home, lists, commerce
    tool(
      'control_smart_device',
      'Read or change the state of a connected home device: lights, thermostat, locks, oven, cameras.',
      'home',
      E,
    ),
    tool('get_shopping_list', "Return the items on the user's shopping list.", 'productivity'),
    tool(
      'update_shopping_list',
      "Add items to or remove items from the user's shopping list.",
      'productivity',
      E,
    ),
    tool('get_todo_list', "Return the open tasks on the user's to-do list.", 'productivity'),
    tool(
      'update_todo_list',
      "Add, complete or remove tasks on the user's to-do list.",
      'productivity',
      E,
    ),
    tool('list_reminders', "List the user's upcoming reminders.", 'productivity'),
    tool(
      'create_reminder',
      'Create a reminder that notifies the user at a time or place.',
      'productivity',
      E,
    ),
    tool('cancel_reminder', 'Delete one or more of the user’s reminders.', 'productivity', E),
    tool(
      'get_calendar_events',
      "List the events and meetings on the user's calendar for a date range.",
      'calendar',
      S,
    ),
    tool('update_calendar', "Add, move or delete an event on the user's calendar.", 'calendar', E),
    tool(
      'place_order',
      "Order a product from the user's usual online store and pay with the saved card.",
      'commerce',
      E,
    ),
    tool(
      'track_order',
      "Return the shipping status and delivery estimate of the user's recent orders.",
      'commerce',
      S,
    ),
    // media
    tool(
      'play_music',
      'Play a song, album, artist, genre or playlist on the user’s speaker.',
      'media',
      E,
    ),
    tool('skip_track', 'Skip to the next or previous track in the play queue.', 'media', E),
    tool('add_to_playlist', "Add a song or album to one of the user's playlists.", 'media', E),
    tool(
      'identify_song',
      'Listen through the microphone and identify the song that is playing.',
      'media',
    ),
    tool('find_showtimes', 'List movie showtimes at cinemas near a place.', 'media'),
    tool('buy_movie_tickets', 'Buy cinema tickets for a showtime with the saved card.', 'media', E),
    tool(
      'search_media_catalog',
      'Search a catalog of books, films, TV shows, albums and games by title or creator.',
      'media',
    ),
    tool('get_lyrics', 'Return the lyrics of a song.', 'media'),
    tool('search_podcasts', 'Search podcast episodes by show, topic or guest.', 'media'),
    tool('cast_to_tv', 'Start playing a film, show or video on the living-room TV.', 'media', E),
    tool(
      'rate_title',
      "Give a star rating to a book, film, album or show on the user's account.",
      'media',
      E,
    ),
    // auto and commute
    tool(
      'get_vehicle_status',
      "Read the connected car's live data: fuel level, tire pressure, oil life, tire tread and mileage.",
      'vehicle',
    ),
    tool(
      'get_vehicle_info',
      "Return the specs of the user's car model: recommended fuel, rated mpg, tire sizes and service intervals.",
      'vehicle',
    ),
    tool(
      'get_service_history',
      "List past maintenance and repairs recorded for the user's car.",
      'vehicle',
    ),
    tool(
      'book_service_appointment',
      'Book a maintenance or repair appointment at a car service shop.',
      'vehicle',
      E,
    ),
    tool('get_directions', 'Plan a route to a destination with distance and travel time.', 'maps'),
    tool('get_traffic', 'Return live traffic conditions and delays on a route or area.', 'maps'),
    tool(
      'find_nearby',
      'Find places of a kind near a location: gas stations, coffee shops, ATMs, parking.',
      'maps',
    ),
    tool(
      'get_current_location',
      "Return the device's current GPS position and street address.",
      'maps',
      S,
    ),
    tool(
      'request_ride',
      'Book a ride-hailing car for a number of passengers to a destination.',
      'mobility',
      E,
    ),
    // travel
    tool('get_flight_status', 'Return the live status, gate and times of a flight.', 'travel'),
    tool(
      'search_flights',
      'Search flight fares and schedules between airports for given dates.',
      'travel',
    ),
    tool(
      'book_flight',
      "Book a flight itinerary and charge the traveller's saved card.",
      'travel',
      E,
    ),
    tool('search_hotels', 'Search hotels near a place with prices for given dates.', 'travel'),
    tool(
      'search_rental_cars',
      'Search rental cars at a location for given dates and vehicle class.',
      'travel',
    ),
    tool(
      'report_lost_luggage',
      'File or look up a lost-baggage claim with an airline.',
      'travel',
      E,
    ),
    tool('get_exchange_rate', 'Return the current exchange rate between two currencies.', 'travel'),
    tool(
      'get_travel_advisories',
      'Return current government travel advisories and alerts for a country.',
      'travel',
    ),
    tool(
      'get_trip_itinerary',
      "List the user's booked flights, hotels and cars with confirmation numbers.",
      'travel',
      S,
    ),
    tool(
      'translate_text',
      'Translate text between languages with a machine translation service.',
      'language',
    ),
    // utility
    tool('get_weather', 'Current conditions and forecast for a place.', 'weather'),
    tool('set_alarm', "Create or change an alarm on the user's device.", 'clock', E),
    tool('list_alarms', "List the user's alarms and the time left until each.", 'clock'),
    tool('cancel_alarm', 'Delete or turn off one or more alarms.', 'clock', E),
    tool('snooze_alarm', 'Snooze the ringing alarm for some minutes.', 'clock', E),
    tool('set_timer', 'Start a countdown timer on the device.', 'clock', E),
    tool(
      'get_current_time',
      'Return the current date and time in a given time zone or city.',
      'clock',
    ),
    tool('locate_device', "Show the user's phone on a map and make it ring.", 'device', SE),
    tool('share_location', "Send the user's live location to contacts.", 'messaging', SE),
    tool('place_call', 'Call a contact or phone number.', 'messaging', E),
    tool('send_text_message', 'Send an SMS to a contact.', 'messaging', E),
    tool('read_text_messages', "Read the user's recent incoming SMS messages.", 'messaging', {
      untrustedInput: true,
      sensitiveData: true,
    }),
    tool('calculator', 'Evaluate an arithmetic expression.', 'math'),
    tool(
      'dictionary_lookup',
      'Look up the definition, spelling and pronunciation of a word.',
      'language',
    ),
    tool('convert_units', 'Convert a quantity between units of measure.', 'math'),
    // work
    tool(
      'get_pto_balance',
      "Return the user's vacation days accrued, used and remaining.",
      'hr',
      S,
    ),
    tool('submit_pto_request', 'Submit a time-off request for given dates.', 'hr', E),
    tool(
      'get_pto_request_status',
      "Return the approval status of the user's time-off requests.",
      'hr',
      S,
    ),
    tool('get_company_holidays', "List the company's paid holidays for the year.", 'hr'),
    tool(
      'get_benefits',
      "Show the user's enrolled health, dental and vision insurance benefits.",
      'hr',
      S,
    ),
    tool(
      'change_benefits_plan',
      "Change the user's insurance plan or coverage during enrollment.",
      'hr',
      E,
    ),
    tool(
      'get_payroll_info',
      "Return the user's salary, gross and net pay per period and next pay date.",
      'payroll',
      S,
    ),
    tool(
      'get_tax_documents',
      "Fetch the user's W-2 and other tax forms from payroll.",
      'payroll',
      S,
    ),
    tool(
      'get_tax_summary',
      'Return the year-to-date federal and state tax withheld from the user’s pay.',
      'payroll',
      S,
    ),
    tool(
      'update_direct_deposit',
      'Set or change the bank account that the paycheck is deposited to.',
      'payroll',
      E,
    ),
    tool(
      'book_meeting',
      'Find free meeting rooms and schedule a meeting with attendees.',
      'calendar',
      E,
    ),
    tool('lookup_employee', 'Find a colleague in the company directory.', 'hr'),
    // assistant settings
    tool(
      'update_assistant_settings',
      "Change the assistant's voice, accent, speaking speed, language, wake name, whisper mode or the name it calls the user, or reset them to defaults.",
      'assistant',
      E,
    ),
    tool('set_volume', 'Set the speaker volume.', 'device', E),
    tool(
      'pair_device',
      'Pair or sync the assistant with a phone or another device over Bluetooth.',
      'device',
      E,
    ),
    tool(
      'get_user_profile',
      "Return the user's profile: name, nickname, home address and preferences.",
      'assistant',
      S,
    ),
  ].map((t) => [t.name, t]),
);

/** The tools each vertical's assistant registers (a registry is drawn from one of these). */
export const VERTICALS: Record<string, readonly string[]> = {
  banking: [
    'get_account_balance',
    'list_transactions',
    'get_account_details',
    'transfer_funds',
    'pay_bill',
    'get_bills',
    'freeze_account',
    'report_fraud',
    'change_pin',
    'order_checks',
    'find_atm',
    'get_statement',
    'list_card_transactions',
    'block_and_replace_card',
  ],
  credit_cards: [
    'get_card_details',
    'list_card_transactions',
    'block_and_replace_card',
    'track_card_delivery',
    'request_credit_limit_increase',
    'get_rewards_balance',
    'redeem_rewards',
    'get_credit_score',
    'get_application_status',
    'apply_for_card',
    'set_travel_notice',
    'compare_card_offers',
    'pay_bill',
  ],
  kitchen_and_dining: [
    'search_restaurants',
    'get_restaurant_reviews',
    'get_restaurant_info',
    'get_wait_time',
    'book_table',
    'get_my_reservations',
    'cancel_reservation',
    'order_food_delivery',
    'search_recipes',
    'nutrition_lookup',
    'get_shopping_list',
    'update_shopping_list',
  ],
  home: [
    'control_smart_device',
    'get_shopping_list',
    'update_shopping_list',
    'get_todo_list',
    'update_todo_list',
    'list_reminders',
    'create_reminder',
    'cancel_reminder',
    'get_calendar_events',
    'update_calendar',
    'place_order',
    'track_order',
    'play_music',
    'skip_track',
    'add_to_playlist',
    'identify_song',
    'set_timer',
  ],
  auto_and_commute: [
    'get_vehicle_status',
    'get_vehicle_info',
    'get_service_history',
    'book_service_appointment',
    'get_directions',
    'get_traffic',
    'find_nearby',
    'get_current_location',
    'request_ride',
    'get_weather',
    'place_call',
    'play_music',
  ],
  travel: [
    'get_flight_status',
    'search_flights',
    'book_flight',
    'search_hotels',
    'search_rental_cars',
    'report_lost_luggage',
    'get_exchange_rate',
    'get_travel_advisories',
    'get_trip_itinerary',
    'set_travel_notice',
    'translate_text',
    'get_weather',
    'get_current_time',
  ],
  utility: [
    'get_weather',
    'set_alarm',
    'list_alarms',
    'cancel_alarm',
    'snooze_alarm',
    'set_timer',
    'get_current_time',
    'locate_device',
    'share_location',
    'place_call',
    'send_text_message',
    'read_text_messages',
    'calculator',
    'dictionary_lookup',
    'convert_units',
  ],
  work: [
    'get_pto_balance',
    'submit_pto_request',
    'get_pto_request_status',
    'get_company_holidays',
    'get_benefits',
    'change_benefits_plan',
    'get_payroll_info',
    'get_tax_documents',
    'get_tax_summary',
    'update_direct_deposit',
    'get_calendar_events',
    'book_meeting',
    'lookup_employee',
  ],
  assistant: [
    'update_assistant_settings',
    'set_volume',
    'pair_device',
    'get_user_profile',
    'get_weather',
    'set_alarm',
    'set_timer',
    'play_music',
    'get_current_time',
    'list_reminders',
    'create_reminder',
    'send_text_message',
    'place_call',
  ],
  media: [
    'play_music',
    'skip_track',
    'add_to_playlist',
    'identify_song',
    'find_showtimes',
    'buy_movie_tickets',
    'search_media_catalog',
    'rate_title',
    'get_lyrics',
    'search_podcasts',
    'cast_to_tv',
    'set_volume',
    'pair_device',
  ],
};

/** What an utterance needs, as an intent table gives it. */
export interface Need {
  /** The tools the request needs (empty: a model answers it alone). */
  tools: readonly string[];
  /** Other tools that could also meet it: left out with `tools` when the need is not offered. */
  also?: readonly string[];
  /** On-topic tools that do not make the request a tool need (offered half the time). */
  tempting?: readonly string[];
}

export interface Placement {
  tools: ToolRecord[];
  /** The needed tools that are offered ([] when the request needs none or they are left out). */
  offered: string[];
  /** True when the request needs a tool and the registry lacks it. */
  missing: boolean;
}

/**
 * Places a request under a registry of its vertical: 4 to 10 tools, the needed ones included
 * (left out, with their alternatives, in about 15% of the requests that need a tool), an
 * on-topic "tempting" tool half the time, and 1 or 2 tools of another vertical in about a
 * third of the registries.
 */
export function place(rand: () => number, vertical: string, need: Need): Placement {
  const pool = VERTICALS[vertical];
  if (!pool) throw new Error(`unknown vertical ${vertical}`);
  const missing = need.tools.length > 0 && rand() < 0.15;
  const banned = new Set(missing ? [...need.tools, ...(need.also ?? [])] : []);
  const size = 4 + Math.floor(rand() * 7);
  const chosen: string[] = missing ? [] : [...need.tools];
  const add = (name: string) => {
    if (!banned.has(name) && !chosen.includes(name)) chosen.push(name);
  };
  if (need.tempting?.length && rand() < 0.5) add(pick(rand, need.tempting));
  if (rand() < 0.33) {
    const others = Object.keys(VERTICALS).filter((v) => v !== vertical);
    const other = VERTICALS[pick(rand, others)] ?? [];
    const n = 1 + Math.floor(rand() * 2);
    for (const name of shuffle(rand, other).slice(0, n)) add(name);
  }
  for (const name of shuffle(rand, pool)) {
    if (chosen.length >= size) break;
    add(name);
  }
  const tools = shuffle(rand, chosen).map((name) => {
    const t = TOOLS[name];
    if (!t) throw new Error(`unknown tool ${name}`);
    return t;
  });
  return { tools, offered: missing ? [] : [...need.tools], missing };
}

/**
 * The label of a request placed by {@link place}: toolUse needing the offered needed tools; with
 * an override, toolUse needing those of the override's tools that are offered (direct if none).
 */
export function placementLabel(
  placement: Placement,
  override?: LabelOverride,
): LabeledRecord['expected'] {
  if (override) {
    const offered = (override.tools ?? []).filter((name) =>
      placement.tools.some((t) => t.name === name),
    );
    return override.toolUse && offered.length > 0 ? label({ toolUse: true }, offered) : label({});
  }
  return placement.offered.length > 0 ? label({ toolUse: true }, placement.offered) : label({});
}
