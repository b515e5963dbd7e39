import { App } from 'cdktf';
import {
  BlockGuestRegistrationStack,
  RequireMfaRegistrationStack,
  RequireStrengthRegistrationStack,
  SecurityInfoBaselineStack,
  TrustedLocationRegistrationStack,
} from './stacks';
import { tenantConfig } from './tenant-config';

const app = new App();
const tenant = tenantConfig();
new RequireMfaRegistrationStack(app, 'require-mfa-registration', tenant);
new RequireStrengthRegistrationStack(app, 'require-strength-registration', tenant);
new BlockGuestRegistrationStack(app, 'block-guest-registration', tenant);
new TrustedLocationRegistrationStack(app, 'trusted-location-registration', tenant);
new SecurityInfoBaselineStack(app, 'security-info-baseline', tenant);
app.synth();
