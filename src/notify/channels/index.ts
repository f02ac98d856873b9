import type { AppDeps } from '../../deps';
import { openingSecret } from '../channel-secrets';
import type { Senders } from '../types';
import { dingtalkSender } from './dingtalk';
import { feishuSender } from './feishu';
import { telegramSender } from './telegram';
import { sendWecom } from './wecom';

/**
 * The real senders for a host's configuration and clock (signatures use the injected clock). DingTalk and
 * Feishu open their stored signing secret with SECRETS_KEY just before signing.
 */
export function defaultSenders(deps: Pick<AppDeps, 'config' | 'clock'>): Senders {
  return {
    telegram: telegramSender(deps.config),
    wecom: sendWecom,
    dingtalk: openingSecret(deps.config, dingtalkSender(deps.clock)),
    feishu: openingSecret(deps.config, feishuSender(deps.clock)),
  };
}
