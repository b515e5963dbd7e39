import { TENANT_VARIABLES, TenantConfig, tenantConfig } from '../../examples/tenant-config';

/**
 * The example tenant with its documented fake defaults, whatever the
 * environment of the test run says, so snapshots do not depend on it.
 */
export function exampleTenant(): TenantConfig {
  const saved = TENANT_VARIABLES.map((name) => [name, process.env[name]] as const);
  TENANT_VARIABLES.forEach((name) => delete process.env[name]);
  try {
    return tenantConfig();
  } finally {
    saved.forEach(([name, value]) => {
      if (value !== undefined) process.env[name] = value;
    });
  }
}
