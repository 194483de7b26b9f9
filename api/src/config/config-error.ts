/** A setting in the environment that cannot be used: the message names the variable and what it takes. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
