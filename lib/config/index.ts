export { env, parseEnv, ConfigError, envSchema, DEMO_SECRETS, type Env } from "./env";
