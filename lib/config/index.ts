export {
  env,
  parseEnv,
  ConfigError,
  envSchema,
  DEMO_SECRETS,
  demoSeedingAllowed,
  exportNextAuthUrl,
  setInEnvironment,
  type Env,
} from "./env";
