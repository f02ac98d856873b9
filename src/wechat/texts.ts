// What the Official Account says besides the intake's questions: the catalogue's `wechat` group in Chinese,
// the account's one language (it serves employers in Changchun; the intake engine's own sentences come in the
// draft's language, which is zh here).
import { textOf } from '../messages/index';

export const WX = textOf('wechat', 'zh');
