// Kubernetes label and field selectors: a leaf module shared by the simulator
// (`?labelSelector=` / `?fieldSelector=`) and the gateway (GraphQL filters).
export { SelectorError } from './errors.js';
export {
  type LabelOperator,
  type LabelRequirement,
  type LabelSelector,
  type LabelSelectorExpression,
  type LabelSelectorObject,
  labelSelectorFromObject,
  parseLabelSelector,
} from './label-selector.js';
export { type FieldOperator, type FieldRequirement, type FieldSelector, parseFieldSelector } from './field-selector.js';
