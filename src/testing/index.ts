/**
 * tierup/testing: test doubles for code that uses tierup.
 * @module
 */
export {
  type Script,
  type ScriptedAnswer,
  type ScriptedModel,
  type ScriptedModelOptions,
  scriptedModel,
} from './scripted-model.ts';
