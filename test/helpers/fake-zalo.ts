// The fake OA lives beside the load and fault suite, which runs it outside Jest; tests share the same one.
export { FakeZalo, signWebhook, type SentMessage } from '../../loadtest/fake-zalo';
