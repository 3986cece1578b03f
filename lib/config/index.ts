export {
  env,
  parseEnv,
  ConfigError,
  envSchema,
  DEMO_SECRETS,
  demoSeedingAllowed,
  exportNextAuthUrl,
  type Env,
} from "./env";
