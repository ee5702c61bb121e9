// Fitted by scripts/train-tool-use.ts (in git history at acdbf08; superseded by scripts/fit-router.ts) from dev.jsonl, extra-a.jsonl, extra-c.jsonl, fc-a.jsonl: do not edit by hand.
/** Weights of the `toolUse` logistic model, in the order of TOOL_USE_FEATURES. */
export const TOOL_USE_WEIGHTS: readonly number[] = [
  0.747, // bias
  -0.162, // relevance
  1.366, // readRelevance
  0.948, // askedActionRelevance
  -0.249, // relevanceSquared
  -1.707, // material
  -1.539, // transform
  -1.04, // compose
  0.139, // deictic
  -1.983, // knowledge
  0.509, // owned
  0.171, // personal
  1.859, // fresh
  0.345, // identifier
  0.873, // action
  0.681, // lookup
  -0.287, // request
  -0.103, // holdAction
  0.928, // properNoun
  -0.402, // question
  0.01, // short
  0.138, // selfContainedRelevance
  1.29, // needRelevance
  -0.852, // noRelevance
  -0.033, // weakRelevance
  -2.2, // smallTalk
  -2.229, // template
  1.009, // identifierRelevance
  -0.955, // freshRelevance
  0.617, // actionRelevance
  -0.616, // lookupRelevance
  -0.783, // ownedRelevance
  -0.149, // knowledgeRelevance
  -1.459, // composeRelevance
  0.547, // unreadable
  -0.639, // namesAction
  -1.292, // computation
  -0.118, // computationRelevance
  1.256, // precise
];
