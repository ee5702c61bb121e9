/** `tierup --help`. */
export const USAGE = `Usage: tierup <command> [options]

Pick the lowest tier (direct, agent, multi-agent) that reliably meets each request.

Commands:
  route [FILE]   Route JSONL request records from FILE or stdin, one JSON decision per line
  eval FILE      Score the router against labeled JSONL records (see expected in the guide)
  calibrate FILE Choose the thresholds for a target under-escalation on labeled JSONL records
  report FILE    Draw a saved run (its result or RunError as JSON) as one self-contained HTML page
  mock-server    Run the loopback mock LLM server (OpenAI and Anthropic wire formats) for tests
  help [COMMAND] Show help for tierup or a command

Options:
  -h, --help     Show help
  --version      Print the version

Exit status: 0 on success, 2 on bad usage, config or input lines, 1 on an internal error.
`;

/** `tierup route --help`. */
export const ROUTE_USAGE = `Usage: tierup route [FILE] [--explain] [--config FILE]

Routes each JSONL record ({"id", "input", "tools", "hints"}; other fields are ignored)
read from FILE, or from stdin when FILE is absent or "-". Writes one JSON line per record:
  {"id", "tier", "signals": {"toolUse": {"score", "set"}, ...}, "tools", "reasons"}
with "override" when a hint or maxTier changed the tier. A record without "id" is
called line-N. Bad lines are reported on stderr as "line N: field: message" and skipped;
the exit status is then 2.

Options:
  --explain        Print a readable table with the reasons instead of JSON lines
  --config FILE    Router settings as JSON: {"thresholds": {...}, "maxTier", "uncertainBand"}
  -h, --help       Show this help
`;

/** `tierup eval --help`. */
export const EVAL_USAGE = `Usage: tierup eval FILE [--json] [--html FILE [--curve]] [--config FILE]

Routes each labeled JSONL record of FILE ("-" for stdin) and compares the decision with
its "expected" label: {"tier", "toolUse", "crossDomain", "securityBoundary", "parallelism"}.
Prints tier accuracy, under- and over-escalation, per-signal precision/recall/F1, the
confusion matrix and the misrouted requests. Bad lines are reported on stderr as
"line N: field: message" and left out; the exit status is then 2.

Options:
  --json           Print the evaluation report as JSON
  --html FILE      Also write the evaluation as one self-contained HTML page: figures,
                   confusion matrix, signals, misroutes with their requests and reasons
  --curve          With --html: add the threshold trade-off curve (calibrates on FILE,
                   as tierup calibrate --max-under 0.02 does; takes a few seconds)
  --config FILE    Router settings as JSON: {"thresholds": {...}, "maxTier", "uncertainBand"}
  -h, --help       Show this help
`;

/** `tierup report --help`. */
export const REPORT_USAGE = `Usage: tierup report FILE [-o OUT] [--title TEXT]

Draws a run saved as JSON with its whole trace (FILE, or "-" for stdin) as one
self-contained HTML page (inline CSS, script and SVG; no network): the routing decision
with each signal's score against its threshold, escalations, a timeline of agents, model
calls and tool calls with durations, tokens and cost, every tool call's security decision
with its arguments' provenance, and the error of a failed run.
Save a finished run with JSON.stringify(result), a failed one with JSON.stringify(error):
a RunError serializes its name, code, message and partial run.

Options:
  -o, --out FILE   Write the page to FILE instead of stdout
  --title TEXT     The page's title (default: "tierup run: FILE")
  -h, --help       Show this help
`;

/** `tierup calibrate --help`. */
export const CALIBRATE_USAGE = `Usage: tierup calibrate FILE [--max-under 0.02] [--out FILE] [--svg FILE]
                       [--config FILE] [--keep SIGNAL]...

Routes each labeled JSONL record of FILE ("-" for stdin; records as tierup eval reads them)
and chooses the four thresholds, each from 0.05 to 0.95 by 0.05, that give the best tier
accuracy with under-escalation at most --max-under (ties: the lower cost, then the
thresholds nearest the current ones). Every combination is tried. Prints the current and
chosen settings, then each signal's thresholds with the others held at the chosen ones:
accuracy, under- and over-escalation, and the cost of the routed tiers against running
every request on multi-agent.

A signal no record is labeled with cannot be calibrated: that is an error (exit 2) unless
--keep holds its threshold. When no setting meets the target, the closest one is printed,
no config is written and the exit status is 1.

Options:
  --max-under SHARE  Most under-escalation allowed, a share of the records (default 0.02)
  --out FILE         Write the chosen settings as a config for --config and createRouter
  --svg FILE         Draw under-escalation against cost as a self-contained SVG
  --config FILE      Start from these settings: {"thresholds": {...}, "maxTier", "uncertainBand"};
                     maxTier and uncertainBand apply while calibrating and are written to --out
  --keep SIGNAL      Keep SIGNAL's current threshold (repeatable)
  -h, --help         Show this help
`;
