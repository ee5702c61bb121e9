// parallelism positives (three or more independent substantial subtasks) and their hard
// negatives (answers that list items, two quick look-ups, one tool over several ids, dependent
// steps), written by the team (composed-secpar). Same item format as composed-secpar-sb.ts.
import type { Item } from './composed-secpar-types.ts';

const i = (r: string, x: string, n: string[], o: Partial<Item> = {}): Item => ({ r, x, n, ...o });
const P = { par: true };

export const PAR_POSITIVE: Item[] = [
  // research
  i(
    'research',
    'Research these five vendors for our observability shortlist: Datadog, Grafana Cloud, New Relic, Honeycomb, Chronosphere. For each: pricing model, data retention, SSO/SCIM, EU hosting. One section per vendor, then a comparison table.',
    ['web.search', 'web.fetch'],
    P,
  ),
  i(
    'research',
    'For each of {Tesla, BYD, Volkswagen and Hyundai|Toyota, Stellantis, Ford and GM}, pull the latest annual report and summarise EV volumes, margins and guidance.',
    ['filings.get'],
    P,
  ),
  i(
    'research',
    'I need a competitive brief on each of our four main competitors (Pipedrive, HubSpot, Close, Copper): positioning, pricing, recent launches, what customers complain about. Put it in a doc.',
    ['web.search', 'web.fetch', 'docs.create'],
    P,
  ),
  i(
    'research',
    'Recherchiere für jede der folgenden Städte – Leipzig, Dresden, Erfurt, Magdeburg – die Förderprogramme für Startups, die Büromieten und die Lage am Fachkräftemarkt. Bitte je Stadt ein eigener Abschnitt.',
    ['web.search', 'web.fetch'],
    { ...P, lang: 'de' },
  ),
  i(
    'research',
    'Fais une veille sur ces 5 startups : Mistral, Pigment, Qonto, Alan, Back Market. Levées récentes, effectifs, actualités des 3 derniers mois. Un paragraphe chacune.',
    ['news.search', 'web.search'],
    { ...P, lang: 'fr' },
  ),
  i(
    'research',
    'Investiga a estos seis operadores logísticos en México (Estafeta, Paquetexpress, 99minutos, Skydropx, Castores, Tres Guerras) y prepara una ficha de cada uno: cobertura, tarifas públicas, integraciones y reseñas.',
    ['web.search', 'web.fetch'],
    { ...P, lang: 'es' },
  ),
  i(
    'research',
    '分别调研这四家云厂商（阿里云、腾讯云、华为云、AWS 中国区）的 GPU 实例价格、可用区和合规认证，每家写一页，最后给出对比。',
    ['web.search', 'web.fetch'],
    { ...P, lang: 'zh' },
  ),
  i(
    'research',
    '以下の5社の最新決算を調べて、それぞれ売上・営業利益・来期見通しをまとめてください：ソニー、任天堂、キーエンス、ファナック、信越化学。',
    ['filings.get', 'news.search'],
    { ...P, lang: 'ja' },
  ),
  i(
    'research',
    'Pesquisa os programas de fidelidade das quatro maiores companhias aéreas do Brasil e faz um resumo de cada um com regras de acúmulo, resgate e parcerias.',
    ['web.search', 'web.fetch'],
    { ...P, lang: 'pt' },
  ),
  i(
    'research',
    'Run a prior-art search for each of the three independent claims in our draft (below) and report the closest references per claim, with how they differ.\n\n1. A method of compressing sensor telemetry using learned codebooks...\n2. A system for scheduling battery charging based on grid carbon intensity...\n3. A wearable device that detects falls using barometric pressure changes...',
    ['patents.search'],
    P,
  ),
  i(
    'research',
    'Can you look into the {five|six} biggest open-source vector databases (Milvus, Qdrant, Weaviate, Chroma, pgvector{| and LanceDB}) - licence, who maintains it, release cadence, known production users. a short writeup for each pls',
    ['web.search', 'web.fetch'],
    P,
  ),
  i(
    'research',
    'Per ognuno di questi quattro mercati (Germania, Francia, Spagna, Polonia) ricerca le norme sull’etichettatura dei cosmetici, i tempi di registrazione e i principali distributori. Una scheda per paese.',
    ['web.search', 'web.fetch'],
    { ...P, lang: 'it' },
  ),
  i(
    'research',
    'We are choosing where to open our next office. For Lisbon, Warsaw, Tallinn and Valencia research cost of living, tech salaries, tax incentives for companies and direct flights to London, then a sheet with one row per city.',
    ['web.search', 'web.fetch', 'sheets.append'],
    P,
  ),
  i(
    'research',
    'Summarize the latest news coverage for each of our portfolio companies: Arbor, Fennel, Quillo, Tandem and Verve. What happened in the last month, anything risky?',
    ['news.search'],
    P,
  ),
  i(
    'research',
    'Please prepare due-diligence notes on three acquisition targets (Lumio, Brightpath, Coreline): business model, financials from their filings, litigation in the news, key people.',
    ['filings.get', 'news.search', 'web.search'],
    P,
  ),
  // code review / engineering
  i(
    'review',
    'Review PRs {#812, #815, #819 and #823|#1402, #1405, #1411 and #1417}; each touches a different service. Look for bugs, missing tests and security issues and leave comments on each.',
    ['repo.get_diff', 'repo.comment'],
    P,
  ),
  i(
    'review',
    'Do a code review of the four modules auth/, billing/, export/ and notifications/ for error handling and logging consistency. One report per module.',
    ['repo.read_file', 'lint.run'],
    P,
  ),
  i(
    'review',
    'Bitte reviewe die drei offenen PRs im payments-Repo (#201, #204, #209) unabhängig voneinander und schreib für jeden eine Einschätzung mit Risiken.',
    ['repo.get_diff'],
    { ...P, lang: 'de' },
  ),
  i(
    'review',
    '分别审查 api/、worker/、scheduler/ 三个模块的测试覆盖率和代码质量，每个模块给出具体的改进建议。',
    ['coverage.report', 'repo.read_file'],
    { ...P, lang: 'zh' },
  ),
  i(
    'review',
    'Audit the five services under services/ (cart, search, checkout, profile, inventory) for N+1 queries and missing indexes, a separate findings list per service.',
    ['repo.read_file'],
    P,
  ),
  i(
    'review',
    'Revisa los módulos de importación, exportación y sincronización por separado: cobertura de tests, código muerto y manejo de errores. Un informe por módulo.',
    ['repo.read_file', 'coverage.report', 'lint.run'],
    { ...P, lang: 'es' },
  ),
  i(
    'eng',
    'Three services are throwing 5xx since this morning’s deploy: {cart, search and checkout|auth, billing and notifications}. Investigate each one on its own from the CI logs and the code, and propose a fix per service.',
    ['ci.get_logs', 'repo.read_file'],
    P,
  ),
  i(
    'eng',
    'Upgrade plan needed for four repos-worth of dependencies: for the web app, the API, the worker and the CLI, check which deps have known vulnerabilities and what breaking changes the upgrades bring. Separate plan per project.',
    ['repo.read_file', 'advisories.lookup', 'web.search'],
    P,
  ),
  i(
    'review',
    'レビューお願いします：#330（決済）、#334（通知）、#337（検索）の3つのPRを個別に確認して、それぞれにコメントを残してください。',
    ['repo.get_diff', 'repo.comment'],
    { ...P, lang: 'ja' },
  ),
  // support
  i(
    'support',
    'Draft replies to these six tickets: {#4410, #4412, #4415, #4419, #4420, #4423|#5101, #5104, #5106, #5110, #5113, #5118}. Each one is a different problem; check the customer’s account for each. Drafts only, I will send them.',
    ['helpdesk.get_ticket', 'customers.lookup'],
    P,
  ),
  i(
    'support',
    'Prépare une réponse personnalisée pour chacun des 7 tickets en attente depuis plus de 48 h, en regardant l’historique du client à chaque fois. Ne les envoie pas.',
    ['helpdesk.list_tickets', 'customers.lookup'],
    { ...P, lang: 'fr' },
  ),
  i(
    'support',
    'For each of our top 5 accounts by revenue, go through their tickets from the last quarter and write a health summary: recurring problems, open escalations, sentiment.',
    ['helpdesk.list_tickets', 'customers.lookup'],
    P,
  ),
  // ledger / finance
  i(
    'ledger',
    'Audit the Q3 ledgers of our three regional entities (US, UK, SG): reconcile bank to GL, flag unusual manual entries and write up findings per entity.',
    ['gl.get_entries', 'bank.get_statement', 'gl.get_trial_balance'],
    P,
  ),
  i(
    'ledger',
    'Fai la riconciliazione bancaria di settembre per le entità Italia, Spagna e Francia, ognuna separatamente, e segnala le differenze.',
    ['bank.get_statement', 'gl.get_entries'],
    { ...P, lang: 'it' },
  ),
  i(
    'ledger',
    '米国・英国・シンガポールの3法人について、それぞれ9月の試算表を確認し、前月比で異常な勘定をレポートして。',
    ['gl.get_trial_balance'],
    { ...P, lang: 'ja' },
  ),
  i(
    'ledger',
    'Month-end close review for DE, AT, CH and NL: for each entity check the trial balance, look for unreconciled bank lines and list what is blocking the close.',
    ['gl.get_trial_balance', 'bank.get_statement'],
    P,
  ),
  i(
    'ledger',
    'Haz el análisis de gastos de viaje de cada una de las cuatro filiales (México, Colombia, Chile, Perú) para el primer semestre, con desviaciones contra presupuesto y las partidas raras.',
    ['gl.get_entries'],
    { ...P, lang: 'es' },
  ),
  // procurement
  i(
    'procurement',
    'We need a packaging supplier. Evaluate the five on the shortlist (Smurfit Westrock, DS Smith, Mondi, Stora Enso, Pro-Pac) on risk score, our past spend, current contract terms and recent news; one page each, then a recommendation.',
    ['suppliers.risk_score', 'spend.by_supplier', 'suppliers.get_contract', 'web.search'],
    P,
  ),
  i(
    'procurement',
    'Evalúa por separado los cuatro proveedores de transporte con los que trabajamos: contrato vigente, gasto del año, riesgo y noticias recientes.',
    ['suppliers.get_contract', 'spend.by_supplier', 'suppliers.risk_score', 'web.search'],
    { ...P, lang: 'es' },
  ),
  i(
    'procurement',
    'Für die drei Kategorien IT-Hardware, Reinigung und Catering: such jeweils drei alternative Lieferanten im Register, bewerte ihr Risiko und vergleiche mit unseren aktuellen Ausgaben.',
    ['suppliers.search', 'suppliers.risk_score', 'spend.by_supplier'],
    { ...P, lang: 'de' },
  ),
  // legal
  i(
    'legal',
    'Go through the DPAs we have with our five biggest processors (AWS, Salesforce, Zendesk, Workday, Slack) and, for each, note sub-processor rules, breach notice period and audit rights.',
    ['dms.get_contract'],
    P,
  ),
  i(
    'legal',
    'Prüfe die Arbeitsverträge unserer Niederlassungen in Österreich, der Schweiz und Polen jeweils auf Konformität mit dem lokalen Arbeitsrecht, mit Belegen aus der Rechtsprechung.',
    ['dms.get_contract', 'caselaw.search'],
    { ...P, lang: 'de' },
  ),
  i(
    'legal',
    'Pour chacun des quatre baux commerciaux (Lyon, Lille, Nantes, Bordeaux), résume les clauses de révision du loyer, de résiliation et de travaux, et signale ce qui diffère de notre modèle.',
    ['dms.get_contract'],
    { ...P, lang: 'fr' },
  ),
  i(
    'legal',
    'Write a memo for each of these three open disputes (Harlow v. Us, the Brightline arbitration, the Kessler claim): current status, relevant case law, our exposure.',
    ['dms.get_contract', 'caselaw.search'],
    P,
  ),
  // hr
  i(
    'hr',
    'Screen the {five|six} candidates on req 2231: for each, read their CV, compare it with the job profile and the interview scores, and write a hiring recommendation.',
    ['ats.get_candidate_files', 'ats.list_candidates'],
    P,
  ),
  i(
    'hr',
    'Para cada uno de los tres países donde contratamos (España, Portugal, Italia), revisa nuestras políticas internas y compáralas con las bandas salariales; un informe por país.',
    ['hr.search_policies', 'payroll.get_bands'],
    { ...P, lang: 'es' },
  ),
  // marketing
  i(
    'marketing',
    'Analyse the social reaction to each of our last four product launches separately (mentions, sentiment, top complaints), then tell me what the launches have in common.',
    ['social.get_mentions'],
    P,
  ),
  i(
    'research',
    'Write localized versions of our spring campaign for the DE, FR, ES and IT markets, each adapted to local holidays and tone, after checking what the top competitor in each market is running online.',
    ['web.search'],
    P,
  ),
  i(
    'marketing',
    'マーケティングチャネル別（メール、SNS、検索広告、アフィリエイト）に前四半期の成果をそれぞれ分析して、チャネルごとに改善案を出して。',
    ['analytics.campaign_stats', 'social.get_mentions'],
    { ...P, lang: 'ja' },
  ),
  // secops
  i(
    'secops',
    'Investigate each of these four alerts separately: ALRT-{2231|7710}, ALRT-2236, ALRT-2240, ALRT-2251. Scope, affected users, probable cause and a recommendation for each.',
    ['siem.query', 'directory.get_user'],
    P,
  ),
  i(
    'secops',
    'Faça uma análise separada de cada um dos três incidentes da semana passada (VPN, conta de serviço, malware no portátil do financeiro), com linha do tempo e recomendações.',
    ['siem.query', 'directory.get_user'],
    { ...P, lang: 'pt' },
  ),
  // property / claims / school
  i(
    'property',
    'For each of our three buildings (Elm St, Oak Ave, Pine Rd) review this month’s maintenance requests, rent arrears and leases up for renewal, and write a status report per building.',
    ['requests.list', 'rent.ledger', 'leases.get'],
    P,
  ),
  i(
    'claims',
    'Assess these four claims independently: C-1120, C-1131, C-1138, C-1142. Read what the claimants uploaded, check coverage and recommend a payout amount for each. Recommendations only.',
    ['claims.get_uploads', 'policy.get_holder', 'claims.get'],
    P,
  ),
  i(
    'school',
    'Write individual feedback reports for each of the {four|five} project groups in 10C based on what they submitted.',
    ['lms.get_submissions'],
    P,
  ),
  // combined with securityBoundary: the needed tools hold all three flags
  i(
    'claims',
    'Work through claims C-2201, C-2207, C-2215 and C-2230 one by one: review the uploaded evidence, check the policy, approve the payout where it is covered and send the claimant the decision letter.',
    ['claims.get_uploads', 'policy.get_holder', 'claims.approve_payout', 'letters.send'],
    P,
  ),
  i(
    'support',
    'Handle the five escalated tickets (#7001, #7004, #7009, #7012, #7020) separately: each needs the customer’s billing checked, a refund or credit if we are at fault, and a reply.',
    ['helpdesk.get_ticket', 'billing.list_invoices', 'billing.issue_refund', 'helpdesk.reply'],
    P,
  ),
  i(
    'eng',
    'Fix the three bugs reported on our public tracker this week (#{512|640}, #515, #521); they are in different packages. One PR per bug.',
    ['github.list_public_issues', 'repo.read_file', 'repo.open_pull_request'],
    P,
  ),
  // no tool needed: the material is in the request and each part is a substantial piece of writing
  i(
    'assistant',
    'Write a separate one-page onboarding guide for each of these four roles: support agent, account executive, data analyst, SRE. Cover first week, key tools, who to meet, and 30-60-90 day goals.',
    [],
    P,
  ),
  i(
    'assistant',
    'Translate the privacy policy I attached (about 3,000 words) into German, French, Spanish and Japanese, each version checked for local legal terminology.',
    [],
    P,
  ),
  i(
    'assistant',
    'Schreib für jedes unserer fünf Produkte eine vollständige Shop-Beschreibung mit je etwa 300 Wörtern, SEO-Titel und Meta-Description: Kaffeemühle K2, Wasserkocher W5, Milchaufschäumer M1, Toaster T3, Espressomaschine E9.',
    [],
    { ...P, lang: 'de' },
  ),
  i(
    'assistant',
    "Draft replies to the five customer emails below, each one different:\n\n1) 'My invoice shows two seats but we only have one user.'\n2) 'Your app deleted my notes after the update!!'\n3) 'Can we get a discount for a nonprofit?'\n4) 'Need a W-9 for our accounting.'\n5) 'The export to CSV cuts off at 10,000 rows.'",
    [],
    P,
  ),
  i(
    'assistant',
    'Écris trois articles de blog complets (environ 1 200 mots chacun) pour notre site : un sur la facturation électronique obligatoire en 2026, un sur la trésorerie des PME, un sur le recouvrement amiable.',
    [],
    { ...P, lang: 'fr' },
  ),
  i(
    'assistant',
    '为我们的四门课程（Python 入门、数据分析、机器学习基础、深度学习）分别写一份完整的教学大纲，每份包含 12 周的安排和作业。',
    [],
    { ...P, lang: 'zh' },
  ),
];

export const PAR_NEGATIVE: Item[] = [
  // answers that list items: one task
  i('assistant', 'Describe five principles of good API design.', []),
  i('assistant', 'Suggest three interview questions for a product designer role.', []),
  i('assistant', 'Write a riddle about three sisters who each own a different pet.', []),
  i('assistant', 'Give me 10 name ideas for a bakery in Porto.', []),
  i('assistant', 'What are the seven layers of the OSI model? one line each', []),
  i('assistant', 'Explain the four Ps of marketing with an example for each.', []),
  i('assistant', 'List the pros and cons of microservices vs a monolith for a team of 6.', []),
  i('assistant', 'Nenne mir fünf Tipps für bessere Meetings.', [], { lang: 'de' }),
  i('assistant', 'Donne-moi trois idées de cadeaux pour un collègue qui part à la retraite.', [], {
    lang: 'fr',
  }),
  i('assistant', 'Dame cinco consejos para preparar una entrevista de trabajo en inglés.', [], {
    lang: 'es',
  }),
  i('assistant', '请列出提高团队效率的五个方法，并简单解释。', [], { lang: 'zh' }),
  i('assistant', 'チームビルディングのアイデアを5つ挙げてください。', [], { lang: 'ja' }),
  i('assistant', 'Sugira quatro títulos para uma palestra sobre IA na educação.', [], {
    lang: 'pt',
  }),
  i(
    'assistant',
    'Elenca le sei fasi del ciclo di vita di un progetto con una frase ciascuna.',
    [],
    { lang: 'it' },
  ),
  i(
    'assistant',
    'Translate "good morning" into French, German, Spanish, Italian and Japanese.',
    [],
  ),
  i('assistant', 'Write a haiku for each of the four seasons.', []),
  i(
    'assistant',
    'Summarize these three paragraphs in one sentence each:\n\n(1) Our Q3 revenue grew 12% on the back of the enterprise tier...\n(2) Churn ticked up in SMB, mostly due to the price change...\n(3) Hiring is paused except for sales engineering...',
    [],
  ),
  i('assistant', 'Compare Python and Go for writing a CLI tool.', []),
  i('assistant', 'what are 3 good books on negotiation', []),
  i('assistant', 'Give me the pros and cons of each cloud: AWS, Azure, GCP. Short bullets.', []),
  i(
    'review',
    'Explain the difference between unit, integration and end-to-end tests, with an example of each.',
    [],
  ),
  i('review', 'What are the SOLID principles? Give a short example of each in TypeScript.', []),
  i(
    'ledger',
    'Explain accruals, deferrals and prepayments with one journal entry example each.',
    [],
  ),
  i(
    'legal',
    'List the five GDPR principles that matter most for a marketing team and explain each in a sentence.',
    [],
  ),
  i(
    'research',
    'Name the main EU AI Act risk categories and what each means for a chatbot startup.',
    [],
  ),
  i('hr', 'Write three behavioural interview questions about conflict resolution.', []),
  i('marketing', 'Brainstorm 8 subject lines for our spring sale email.', []),
  i('secops', 'What are the top 5 signs of a phishing email? For a poster.', []),
  i(
    'procurement',
    'Nenne die typischen Kriterien für eine Lieferantenbewertung und erkläre sie kurz.',
    [],
    { lang: 'de' },
  ),
  i(
    'support',
    'Escribe tres variantes de un mensaje de disculpa por un retraso en la entrega.',
    [],
    { lang: 'es' },
  ),
  // two quick look-ups
  i(
    'assistant',
    "What's the weather in {Paris|Madrid} tomorrow and how much is 200 USD in euros?",
    ['weather.get', 'fx.convert'],
  ),
  i(
    'assistant',
    'When is my next meeting with Lena, and what is the driving time from the office to her place?',
    ['calendar.list', 'maps.distance'],
  ),
  i('research', 'Find the current CEO of Snowflake and the date of their last earnings call.', [
    'web.search',
  ]),
  i('ledger', 'What was the UK entity closing cash in September and the GBP/EUR rate on 30 Sep?', [
    'bank.get_statement',
    'fx.rate',
  ]),
  i('sales', 'Quick one: who owns the Globex account and when is their renewal?', [
    'crm.get_account',
  ]),
  i('procurement', "What's DS Smith's risk score and how much did we spend with them last year?", [
    'suppliers.risk_score',
    'spend.by_supplier',
  ]),
  i(
    'assistant',
    'Wie wird das Wetter morgen in Hamburg und wann geht der letzte Flug nach München?',
    ['weather.get', 'flights.search'],
    { lang: 'de' },
  ),
  i(
    'assistant',
    '明天东京天气怎么样？顺便帮我查一下 AAPL 现在的股价。',
    ['weather.get', 'stocks.quote'],
    { lang: 'zh' },
  ),
  // one tool for several cities or ids
  i('assistant', 'Weather tomorrow in Berlin, Munich, Hamburg, Cologne and Frankfurt?', [
    'weather.get',
  ]),
  i('assistant', 'Status of orders {1182, 1190, 1204 and 1211|30418, 30422, 30431}?', [
    'orders.status',
  ]),
  i('assistant', 'Current prices for AAPL, MSFT, GOOG, AMZN and NVDA please', ['stocks.quote']),
  i(
    'procurement',
    'Look up the risk score of these six suppliers: Mondi, DS Smith, Stora Enso, Pro-Pac, Sonoco, Graphic Packaging.',
    ['suppliers.risk_score'],
  ),
  i('ledger', 'Exchange rates against EUR on 30 June for USD, GBP, CHF, JPY and SEK.', ['fx.rate']),
  i('support', 'Check tickets #4410, #4412 and #4415 and tell me their status.', [
    'helpdesk.get_ticket',
  ]),
  i(
    'assistant',
    'Quel temps fera-t-il demain à Lyon, Marseille, Toulouse et Nice ?',
    ['weather.get'],
    { lang: 'fr' },
  ),
  i('assistant', '東京、大阪、名古屋、福岡の明日の天気を教えて。', ['weather.get'], { lang: 'ja' }),
  i('saas', 'How many active users did tenant Acme have in each of the last six months?', [
    'tenant.query',
  ]),
  i('marketplace', 'Give me last month’s sales for seller 4411.', ['seller.get_account']),
  i(
    'secops',
    'Look up these four hashes in threat intel: 44d88612fea8a8f36de82e1278abb02f, e99a18c428cb38d5f260853678922e03, 5f4dcc3b5aa765d61d8327deb882cf99, 098f6bcd4621d373cade4e832627b4f6',
    ['threatintel.lookup'],
  ),
  i(
    'eng',
    'Check the known vulnerabilities for lodash 4.17.20, axios 0.21.1, minimist 1.2.5 and express 4.17.1.',
    ['advisories.lookup'],
  ),
  i(
    'assistant',
    '¿Cuánto son 500 euros en dólares, libras, yenes y francos suizos?',
    ['fx.convert'],
    { lang: 'es' },
  ),
  i(
    'research',
    'Pull the latest revenue figure for Sony, Nintendo and Keyence from their filings, just the number each.',
    ['filings.get'],
  ),
  // a sequence of dependent steps: one agent
  i(
    'assistant',
    'Find flights from Berlin to Lisbon on May 3, pick the cheapest one that lands before noon and put it in my calendar.',
    ['flights.search', 'calendar.create'],
  ),
  i(
    'eng',
    'Read the CI logs of the failing run, find the broken test, read that test file, fix it and open a PR.',
    ['ci.get_logs', 'repo.read_file', 'repo.open_pull_request'],
  ),
  i(
    'ledger',
    'Pull the US trial balance for September, find the FX revaluation difference and post the adjusting entry for it.',
    ['gl.get_trial_balance', 'fx.rate', 'gl.post_adjustment'],
  ),
  i(
    'research',
    'Find the three most cited papers on retrieval-augmented generation, then read the most recent of them and summarize its method.',
    ['web.search', 'web.fetch'],
  ),
  i(
    'hr',
    'Look up Jonas Weber’s current salary, check the band for his new level and tell me how big a raise gets him to the midpoint.',
    ['hris.get_compensation', 'payroll.get_bands'],
  ),
  i(
    'procurement',
    'Search the registry for certified recyclers in Bavaria, check the risk score of the best match and send them an RFQ for 20 t of cardboard.',
    ['suppliers.search', 'suppliers.risk_score', 'rfx.send'],
  ),
  i(
    'property',
    'Check the lease of unit 2C to see whether heating repairs are our responsibility, and if so dispatch a heating contractor from the approved list.',
    ['leases.get', 'contractors.list', 'contractors.dispatch'],
  ),
  i(
    'sales',
    'Find the Acme account, see who the champion is, and set up a call with them next Tuesday.',
    ['crm.get_account', 'calendar.create_event'],
  ),
  i(
    'review',
    'Run the tests on branch feature/export, and if coverage dropped, tell me which files lost it.',
    ['ci.run_tests', 'coverage.report'],
  ),
  i(
    'assistant',
    'Busca vuelos de Madrid a Roma para el viernes, elige el más barato por la tarde y apúntalo en mi calendario.',
    ['flights.search', 'calendar.create'],
    { lang: 'es' },
  ),
  i(
    'ledger',
    'Hol die Kontoauszüge der DE-Gesellschaft für Oktober, finde die nicht gebuchten Zahlungen und leg dafür eine Aufgabe fürs Buchhaltungsteam an.',
    ['bank.get_statement', 'gl.get_entries', 'tickets.create'],
    { lang: 'de' },
  ),
  i(
    'review',
    'PR #912 のdiffを見て、変更されたファイルのテストカバレッジを確認してからレビューコメントを書いて。',
    ['repo.get_diff', 'coverage.report', 'repo.comment'],
    { lang: 'ja' },
  ),
  i(
    'research',
    '找一下这家公司（Lumio）最近的融资新闻，然后把关键信息追加到我们的跟踪表格里。',
    ['news.search', 'sheets.append'],
    { lang: 'zh' },
  ),
  i(
    'legal',
    'Trouve l’arrêt de la Cour de cassation sur la clause de non-concurrence de 2023, puis compare-le avec la clause de notre contrat Dubois.',
    ['caselaw.search', 'dms.get_contract'],
    { lang: 'fr' },
  ),
  // single substantial tasks that mention several things
  i('research', 'Research Datadog’s pricing and tell me what we would pay for 40 hosts with APM.', [
    'web.search',
    'web.fetch',
  ]),
  i('research', 'Compare the pricing of Datadog and New Relic for 40 hosts.', [
    'web.search',
    'web.fetch',
  ]),
  i('review', 'Review PR #1402 for bugs and leave comments.', ['repo.get_diff', 'repo.comment']),
  i('ledger', 'Reconcile the UK entity’s September bank statement with the GL.', [
    'bank.get_statement',
    'gl.get_entries',
  ]),
  i('support', 'Draft a reply to ticket #4410, check the customer’s plan first.', [
    'helpdesk.get_ticket',
    'customers.lookup',
  ]),
  i('hr', 'Read the CV of the top candidate on req 2231 and write a hiring recommendation.', [
    'ats.get_candidate_files',
    'ats.list_candidates',
  ]),
  i('assistant', 'Write a one-page onboarding guide for a new support agent.', []),
  i(
    'assistant',
    'Traduce este párrafo al inglés y al francés: "Nuestro equipo estará cerrado del 24 al 26 de diciembre. Las solicitudes urgentes se atenderán por correo."',
    [],
    { lang: 'es' },
  ),
  i(
    'assistant',
    'Write a product description for our new espresso machine, 150 words, and give it a title.',
    [],
  ),
  i('legal', 'Résume les clauses de résiliation du bail de Lyon.', ['dms.get_contract'], {
    lang: 'fr',
  }),
  i('secops', 'Investigate alert ALRT-2231: scope, affected users and a recommendation.', [
    'siem.query',
    'directory.get_user',
  ]),
  i(
    'claims',
    'Assess claim C-1120: read the uploads, check coverage, recommend a payout. No decision yet.',
    ['claims.get_uploads', 'policy.get_holder'],
  ),
  i('procurement', 'Evaluate Mondi as a packaging supplier: risk, spend, contract terms.', [
    'suppliers.risk_score',
    'spend.by_supplier',
    'suppliers.get_contract',
  ]),
  i('research', 'Résume les dernières actualités sur Mistral AI.', ['news.search'], { lang: 'fr' }),
  i(
    'research',
    'Schreib mir eine kurze Zusammenfassung, was Qdrant ist und wofür man es nutzt.',
    [],
    { lang: 'de' },
  ),
  i(
    'assistant',
    'Plan a 3-day itinerary for Kyoto with one temple, one food market and one day trip per day.',
    [],
  ),
  i('assistant', 'Create a weekly meal plan for a vegetarian family of four.', []),
  i('assistant', '帮我写一封邮件，邀请三位同事参加周五的项目复盘会。', [], { lang: 'zh' }),
  i(
    'assistant',
    'Faz um resumo dos três pontos principais desta ata: "Aprovado o orçamento de 2025. Adiada a contratação do gestor de produto. Nova política de viagens entra em vigor em março."',
    [],
    { lang: 'pt' },
  ),
  i('assistant', 'Quali sono le differenze tra SRL, SPA e SNC? Breve tabella.', [], { lang: 'it' }),
];
