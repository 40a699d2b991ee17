/**
 * The schema of VS Code's `competencyLint.rules` setting, rendered from the rule registry: one
 * property per rule id (and one for the large-file notice), with the rule's description, its default severity and its options, so
 * that settings.json completes rule ids and options and flags an id no rule has (the server leaves
 * such an entry out with a warning). `npm run docs` writes it into package.json;
 * test/unit/manifest.test.ts fails when package.json's copy is out of date.
 */
import type { RuleMeta, RuleOption } from '../../server/src/core/rules/types';

const SEVERITIES = ['error', 'warning', 'info', 'off'];

function optionSchema(o: RuleOption): Record<string, unknown> {
  const type = o.type === 'string[]' ? { type: 'array', items: { type: 'string' } } : { type: o.type };
  return {
    ...type,
    ...(o.min !== undefined ? { minimum: o.min } : {}),
    ...(o.max !== undefined ? { maximum: o.max } : {}),
    default: o.default,
    description: o.description,
  };
}

/** One rule's entry: a severity, or [severity, options] with the options the rule has. */
export function ruleSettingSchema(rule: RuleMeta): Record<string, unknown> {
  const severity = { type: 'string', enum: SEVERITIES };
  const options = rule.options ?? [];
  const optionNames = options.map((o) => `\`${o.name}\``).join(', ');
  return {
    markdownDescription:
      `${rule.description} Default: \`"${rule.defaultSeverity}"\`.` +
      (options.length > 0 ? ` Options: ${optionNames}, as \`["${rule.defaultSeverity}", { … }]\`.` : ''),
    oneOf: [
      severity,
      {
        type: 'array',
        items: [
          severity,
          { type: 'object', properties: Object.fromEntries(options.map((o) => [o.name, optionSchema(o)])), additionalProperties: false },
        ],
        additionalItems: false,
        minItems: 1,
      },
    ],
  };
}

/** The `properties` of competencyLint.rules: every rule, in registry order, then the large-file notice (rules/index.ts SETTINGS). */
export function rulesSettingProperties(rules: readonly RuleMeta[]): Record<string, unknown> {
  return Object.fromEntries(rules.map((r) => [r.id, ruleSettingSchema(r)]));
}
