import { describeMetaJourney } from './meta-journey.js';

describeMetaJourney('messenger', '6789012345678901', '6789012345678902');
