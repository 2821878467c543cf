export { loadConfig, ConfigError, LOG_LEVELS, LOG_FORMATS, type Config, type LogLevel, type LogFormat } from './config.js';
export { parseSinks, readSinksFile, SinksFileError, SINK_EVENTS, SINK_KINDS, type SinkConfig, type SinkEventName, type SinkKind } from './sinks.js';
export { AuthFileError, parseAuthFile, readAuthFile, type AuthSettings, type GrantSettings, type JwtClaims, type JwtSettings, type TokenSettings } from './auth-file.js';
export { OWN_SUBGRAPH_NAME, SubgraphsFileError, parseSubgraphs, readSubgraphsFile, type SubgraphConfig } from './subgraphs-file.js';
