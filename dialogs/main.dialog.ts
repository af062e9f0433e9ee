import { ComponentDialog } from '@microsoft/agents-hosting-dialogs';
import type { DialogTurnResult, WaterfallStepContext } from '@microsoft/agents-hosting-dialogs';
import { completeQuestion, type Subject } from '../src/knowledge/answer/follow-up';
import { AskQuestionDialog, type AskOptions, type AskOutcome } from './ask-question.dialog';
import { DIALOG_IDS, type BotServices } from './bot-services';
import { addWaterfall, findTrackingCode, matchForm, menuMessage } from './dialog-helpers';
import { FileFeedbackDialog, type FeedbackOptions } from './file-feedback.dialog';
import { ForgetContactDialog } from './forget-contact.dialog';
import type { FeedbackDraft } from './feedback-draft';
import { RateAnswerDialog, type RateOptions } from './rate-answer.dialog';
import { vi } from '../src/i18n/strings.vi';
import { TrackTicketDialog, type TrackOptions } from './track-ticket.dialog';

/** Options: the free text the citizen typed while no task was running, and what the conversation is about; or a
 * task the bot's own buttons asked for (go on with a draft, rate an answer). */
export interface MainOptions {
  text?: string;
  subject?: Subject | null;
  /** The conversation was already greeted: a "xin chào" gets a short reply, not the welcome again. */
  greeted?: boolean;
  resume?: FeedbackDraft;
  rate?: RateOptions;
}

// Triage reads at most this much of a message (a long complaint's opening says what it is about).
const TRIAGE_CHARS = 4000;

const GREETINGS =
  /^(xin chao|chao|chao ban|hello|hi|alo|a lo|bat dau|start)( (ban|ad|admin|em|anh|chi|bot))?$/;
const THANKS = /^(cam on|cam on ban|thanks|thank you|ok cam on|cam on nhieu)$/;
// "xóa thông tin cá nhân (của tôi)", "rút lại đồng ý", "xóa số điện thoại của tôi", "hủy đồng ý cung cấp thông tin"
const FORGET =
  /^(toi muon |xin |vui long |hay )?((xoa|huy|bo) (het )?(thong tin|du lieu) (ca nhan|lien he|lien lac)|rut lai (su )?dong y|huy (bo )?(su )?dong y|xoa so dien thoai)( cua toi)?( cung cap thong tin)?$/;

// "theo dõi TH-DP-01", "theo dõi nhiệm vụ chuyển đổi số", "bỏ theo dõi TH-DP-01": (un)follow a programme item
// by its code (letters and digits with a dash or dot: not a ticket's tracking code) or by words of its title.
const FOLLOW =
  /^(bo |huy |ngung |dung |thoi )?theo doi ((?:nhiem vu|chi tieu) .+|[a-z0-9]+[._-][a-z0-9._-]{0,38})$/;

/** Where a message goes: a child dialog with options, or a direct reply. */
type Route =
  | { dialog: string; options?: object }
  | { reply: 'welcome' | 'thanks' | 'menu' }
  | { follow: string; stop: boolean };

/**
 * The root dialog: routes each free-text message to a task (question, feedback, complaint, tracking, rating) or
 * answers small talk. Menu button labels route directly; anything else goes through the triage service.
 */
export class MainDialog extends ComponentDialog {
  constructor(private readonly services: BotServices) {
    super(DIALOG_IDS.main);
    const tasks = [
      new AskQuestionDialog(services),
      new FileFeedbackDialog(services),
      new TrackTicketDialog(services),
      new RateAnswerDialog(services),
      new ForgetContactDialog(services),
    ];
    this.initialDialogId = addWaterfall(this, tasks, [this.routeStep, this.doneStep]);
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const {
      text = '',
      subject = null,
      greeted = false,
      resume,
      rate,
    } = (step.options as MainOptions | undefined) ?? {};
    if (resume)
      return step.beginDialog(DIALOG_IDS.feedback, {
        draft: resume,
        continuing: 'resume',
      } satisfies FeedbackOptions);
    if (rate) return step.beginDialog(DIALOG_IDS.rate, rate);
    const route = await this.route(text, subject);
    if ('dialog' in route) return step.beginDialog(route.dialog, route.options);
    if ('follow' in route) {
      const a = step.context.activity;
      const ref = {
        channel: a.channelId ?? '',
        conversationId: a.conversation?.id ?? '',
        userId: a.from?.id ?? '',
      };
      const follow = route.stop ? this.services.unfollow : this.services.follow;
      await step.context.sendActivity(menuMessage(await follow!(route.follow, ref)));
      return step.endDialog();
    }
    if (route.reply === 'welcome')
      await step.context.sendActivity(menuMessage(greeted ? vi.bot.greetAgain : vi.bot.welcome));
    else if (route.reply === 'thanks') await step.context.sendActivity(menuMessage(vi.bot.smalltalkThanks));
    else await step.context.sendActivity(menuMessage());
    return step.endDialog();
  }

  private async doneStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const outcome = step.result as AskOutcome | undefined;
    // A message typed instead of answering the forward offer is routed like any new message.
    if (outcome?.next)
      return step.replaceDialog(this.initialDialogId, {
        text: outcome.next,
        subject: outcome.subject,
      } satisfies MainOptions);
    return step.endDialog(step.result);
  }

  /** Decides where a message goes; `subject` is what the conversation was about (for follow-up questions). */
  async route(text: string, subject: Subject | null = null): Promise<Route> {
    const said = matchForm(text);
    if (!said) return { reply: 'menu' };
    const menu = menuRoute(said, subject);
    if (menu) return menu;
    if (GREETINGS.test(said)) return { reply: 'welcome' };
    if (THANKS.test(said)) return { reply: 'thanks' };
    if (FORGET.test(said)) return { dialog: DIALOG_IDS.forget };
    const follow = FOLLOW.exec(said);
    if (follow && this.services.follow && findTrackingCode(follow[2]) !== follow[2]!.toUpperCase())
      return { follow: follow[2]!, stop: follow[1] !== undefined };
    const code = findTrackingCode(text);
    if (code) return { dialog: DIALOG_IDS.track, options: { trackingCode: code } satisfies TrackOptions };
    if (await this.services.answers.recognises?.(text))
      return { dialog: DIALOG_IDS.ask, options: { question: text, subject } satisfies AskOptions };
    const triage = await this.services.triage.analyze(text.slice(0, TRIAGE_CHARS));
    const ask = { dialog: DIALOG_IDS.ask, options: { question: text, triage, subject } satisfies AskOptions };
    // "còn Thanh Hóa thì sao?" right after an answer continues the question, whatever triage would make of it.
    if (completeQuestion(text, subject) !== null) return ask;
    if (triage.kind === 'track') return { dialog: DIALOG_IDS.track, options: {} };
    if (triage.kind === 'question') return ask;
    const business = triage.submitter === 'business';
    const options: FeedbackOptions = {
      kind: triage.kind,
      ...(business ? { submitter: 'business' } : {}),
      category: triage.category,
      commune: triage.commune,
      description: text,
      prefilled: true,
      triage,
    };
    return { dialog: DIALOG_IDS.feedback, options };
  }
}

function menuRoute(said: string, subject: Subject | null): Route | undefined {
  const m = vi.bot.menu;
  if (said === matchForm(m.ask)) return { dialog: DIALOG_IDS.ask, options: { subject } satisfies AskOptions };
  if (said === matchForm(m.feedback)) return { dialog: DIALOG_IDS.feedback, options: {} };
  if (said === matchForm(m.business))
    return { dialog: DIALOG_IDS.feedback, options: { submitter: 'business' } satisfies FeedbackOptions };
  if (said === matchForm(m.track)) return { dialog: DIALOG_IDS.track, options: {} };
  if (said === matchForm(m.rate)) return { dialog: DIALOG_IDS.rate, options: {} };
  return undefined;
}
