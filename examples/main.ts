import { App } from 'cdktf';
import { addExampleStacks } from './stacks';
import { tenantConfig } from './tenant-config';

const app = new App();
addExampleStacks(app, tenantConfig());
app.synth();
