// A ready-made jest setup file: `setupFilesAfterEnv: ['cdktf-entra-conditional-access/lib/testing/setup']`.
import { setupWhatIfMatchers } from './index';

setupWhatIfMatchers();
