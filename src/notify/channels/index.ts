import type { AppDeps } from '../../deps';
import type { Senders } from '../types';
import { dingtalkSender } from './dingtalk';
import { feishuSender } from './feishu';
import { telegramSender } from './telegram';
import { sendWecom } from './wecom';

/** The real senders for a host's configuration and clock (signatures use the injected clock). */
export function defaultSenders(deps: Pick<AppDeps, 'config' | 'clock'>): Senders {
  return {
    telegram: telegramSender(deps.config),
    wecom: sendWecom,
    dingtalk: dingtalkSender(deps.clock),
    feishu: feishuSender(deps.clock),
  };
}
