export { createMetrics, type GatewayMetrics, type GraphQLOperationSample, type MetricSources, type MetricsOptions } from './metrics.js';
