// A typical chat assistant's tool registry (the routing issue's seven tools): web search, a page
// fetcher, a code runner, a calendar, email, company docs, a helpdesk. `npm run eval:chat-registry`
// routes everyday prompts under it; the router's tests use it too.

export const CHAT_REGISTRY = [
  {
    name: 'web_search',
    description: 'Search the web and return results with titles, snippets and links.',
    domain: 'web',
    untrustedInput: true,
  },
  {
    name: 'fetch_url',
    description: 'Fetch a web page by URL and return its text.',
    domain: 'web',
    untrustedInput: true,
  },
  {
    name: 'run_python',
    description: 'Run Python code in a sandbox and return its output.',
    domain: 'compute',
  },
  {
    name: 'get_calendar',
    description: "Read the user's calendar events for a date range.",
    domain: 'productivity',
    sensitiveData: true,
  },
  {
    name: 'send_email',
    description: 'Send an email on behalf of the user.',
    domain: 'communication',
    sideEffects: true,
  },
  {
    name: 'search_company_docs',
    description: 'Search internal company documents and wiki pages.',
    domain: 'knowledge',
    sensitiveData: true,
  },
  {
    name: 'create_ticket',
    description: 'Create a support ticket in the helpdesk.',
    domain: 'support',
    sideEffects: true,
  },
];
