import { z } from 'zod';

/**
 * The vocabularies matchers read: which calls mutate, which notify, which helpers retry, which
 * names carry an idempotency key, and so on. They are rule data (`rules/vocabulary.yaml`), and a
 * project's `faultline.config.yaml` extends them: every list is appended to, never replaced.
 *
 * Name patterns (in `names`, `exclude`, `decorators`, `wrappers`, ...) match a call's dotted path
 * case-insensitively: a pattern without a dot matches the last segment (`charge`), a dotted one
 * matches a suffix by whole segments (`gateway.charge`, `mailer.send*`), `*` matches anything.
 */
const names = z.array(z.string().min(1)).default([]);

export const CallVocabularySchema = z
  .object({
    /** First word of the called name (`charge` matches `charge`, `chargeCustomer`, `charge_card`). */
    verbs: names,
    /** The same, only for a method of an object (`client.mutateOrders`), never a bare function (`mutateServers()`). */
    method_verbs: names,
    /** Name patterns that match outright. */
    names,
    /** Name patterns that never match, even when a verb or name does. */
    exclude: names,
    /** Words that disqualify a name when they appear anywhere in its last segment (`createElement`). */
    exclude_words: names,
    /**
     * Words after which a name says where the effect goes, not what the call acts on
     * (`transferToEmail`, `payoutToBank`): `exclude_words` after one do not disqualify the name.
     */
    destination_words: names,
    /** Generic HTTP clients whose method comes from an argument (`fetch(url, { method: 'POST' })`). */
    http_clients: names,
    /** HTTP methods that make an `http_clients` call match. */
    http_methods: names,
    /**
     * When set, an HTTP write belongs here only if its URL (or the name holding it) has one of these
     * words: `hooks.slack.com/…`, `DISCORD_WEBHOOK_URL` make a POST a notification.
     */
    url_words: names,
    /** An HTTP write whose URL path has one of these words does not belong here (`/sign`, `/oauth/token`). */
    exclude_url_words: names,
    /**
     * A URL (or the name holding it) with one of these words is written to whatever
     * `exclude_url_words` it also has: `TOKENS_WEBHOOK_URL` (a tokens app's webhook) delivers an event.
     */
    keep_url_words: names,
    /**
     * A write whose URL path (or the constant naming it) has one of these words is idempotent by its
     * endpoint (`/contacts/upsert` resolves the record by its natural key): a repeat makes no second one.
     */
    idempotent_url_words: names.default([]),
    /**
     * A write whose request body carries one of these keys asks a stateless endpoint, whatever its
     * URL: OAuth's `grant_type` makes a POST a token request.
     */
    exclude_body_keys: names,
    /**
     * An HTTP write made in a function whose name has one of these words, and no `verbs` word,
     * computes an answer and changes nothing (`get_translation_response`, `_fetchCompletion`),
     * whatever its URL (a configured `settings.DEEPL_API_URL`, `this._endpoint`).
     */
    exclude_caller_words: names,
    /**
     * An HTTP write whose answer the same function reads for one of these fields (`["translations"]`,
     * `result.choices`, `data.embeddings`) asked for a computed answer and changed nothing.
     */
    exclude_result_fields: names,
    /**
     * Options that carry a request body (`body`, `data`, `json`): an `http_clients` call whose
     * method is decided at run time (`fetch(url, { method, body })` with a configured webhook's
     * method, not a parameter its callers fill) belongs here when it sends one of them.
     */
    body_options: names,
    /**
     * Request objects built before they are sent (`req = urllib.request.Request(url, data=…,
     * method='POST')`, then `urlopen(req)`): the method the builder is given, or a `body_options`
     * body without one (urllib posts what it is given), is the sending call's method.
     */
    request_builders: names,
    /**
     * When the URL says nothing (a webhook URL handed in by the job or the caller), the name of the
     * function making the write may: a POST in `processDiscordNotification` or `postToSlack`.
     */
    caller_words: names,
    /**
     * With `client_methods`: a call of one of those methods on a client these words name, in the
     * receiver's name or the class it was made from (`client = MattermostClient()`, `slack_client`).
     */
    client_words: names,
    client_methods: names,
    /**
     * With `client_words`: a chat client's generic call (`telegram_client.post(method="sendMessage", …)`,
     * `slack.api_call("chat.postMessage", …)`) whose first argument or `method` names one of `client_methods`.
     */
    client_call_methods: names.default([]),
    /**
     * Calls whose callback receives a local storage handle (`prisma.$transaction(async (tx) => …)`):
     * a call on that parameter (`tx.order.create(…)`) never belongs here.
     */
    local_handles: names,
    /**
     * With `object_words`: a name whose first word is one of these verbs and that names one of the
     * objects anywhere after it belongs here (`send_via_whatsapp`, `dispatchReminderEmail`).
     */
    object_verbs: names,
    object_words: names,
    /**
     * With `queue_words` and `object_words`: a job added to a queue (`mailQueue.add(…)`,
     * `notificationsQueue.add('email', …)`, `mailer.add({ template })`) whose receiver or job name
     * says what it carries is that message, sent when the queue's worker runs the job. Adding it
     * again (no `jobId` the queue dedups on) sends it again.
     */
    queue_methods: names.default([]),
    /** Keys of a `queue_methods` call's options under which the queue adds a job once (`{ jobId }`). */
    queue_dedup_keys: names.default([]),
    /** Options that let the queue add the same `queue_dedup_keys` id again (`removeOnComplete`), on the call or the queue's defaults. */
    queue_dedup_releases: names.default([]),
    /** Words of a receiver's name that make it a queue of jobs (`queue`, `mailer`). */
    queue_words: names.default([]),
    /**
     * SDK methods that name the remote API method in their first argument
     * (`alipaySdk.exec('alipay.fund.trans.uni.transfer', …)`): the call belongs here when the API
     * method's last dotted part would as a called name (`transfer`, `refund`; not `query`).
     */
    api_method_calls: names.default([]),
    /**
     * Contract functions that set a state rather than move value (`approve`, `setApprovalForAll`):
     * a contract call of this vocabulary (`writeContract({ functionName: 'approve', … })`) naming
     * one in its `functionName` leaves the same state however often it runs.
     */
    contract_setters: names.default([]),
    /**
     * Methods that run a task later (`send_sms.delay(…)`, `charge.apply_async(…)`): such a call
     * belongs here when the task's own name does.
     */
    deferred_methods: names,
  })
  .strict();

/**
 * A framework whose handlers are re-run after a failure (`@dramatiq.actor`, `inngest.createFunction`,
 * an SQS consumer's `handleMessage`): where the handler is, which option sets its retries, and
 * what the framework does when the option is absent.
 */
export const JobFrameworkSchema = z
  .object({
    /** Shown in the finding: `Dramatiq`. */
    name: z.string().min(1),
    /** Decorators whose function is the handler. */
    decorators: names,
    /** Calls that register a handler: the last function argument, or the `handler_options`. */
    calls: names,
    /** Only calls whose first argument is this string (`subscription.on('message', …)`). */
    first_argument: z.string().optional(),
    /** Option keys (in the call's options object or keyword arguments) whose function is a handler. */
    handler_options: names,
    /** An option whose object's values are all handlers (`taskList: { send_email: … }`). */
    handler_map: z.string().optional(),
    /** The option that sets how many times a failed handler is retried (`max_retries`). */
    retries_option: z.string().optional(),
    /** Or how many attempts it gets in all (`retry.maxAttempts`; dotted for a nested option). */
    attempts_option: z.string().optional(),
    /** Retries when the option is absent; -1 when the message is redelivered until acknowledged. */
    default_retries: z.number().int().min(-1),
    /**
     * Its handler runs again through `<its own name>.retry(…)` (Celery's `Task.retry`, a method of
     * `retry.task_retry_calls`): only a function under one of its `decorators` does; on any other
     * function that name is something else.
     */
    own_name_retry: z.boolean().optional(),
    /**
     * Where a project sets the retries of every handler that gives no option of its own: a call in
     * any file of the package (`defineConfig({ retries: { default: { maxAttempts: 3 } } })` in
     * Trigger.dev's `trigger.config.ts`) and the option that gives the attempts there.
     */
    project_default: z.object({ calls: names, attempts_option: z.string().min(1) }).strict().optional(),
  })
  .strict();

export const VocabularySchema = z
  .object({
    calls: z.record(z.string(), CallVocabularySchema).default({}),
    retry: z
      .object({
        /** Decorators whose function is retried (`tenacity.retry`, `backoff.on_exception`). */
        decorators: names,
        /** Keyword arguments that make a task decorator retry (`autoretry_for`). */
        task_retry_kwargs: names,
        /**
         * Predicates of a retry decorator's options that read the returned value
         * (`retry=retry_if_result(lambda r: r["status"] != 200)`): a return can start another attempt.
         */
        result_predicates: names.default([]),
        /** `@retry(retry=retry_if_exception_type(Timeout))`: the predicate that names the error types a decorator retries. */
        exception_type_predicates: names.default([]),
        /** Calls inside a task body that re-run the task (`self.retry`). */
        task_retry_calls: names,
        /** Exceptions whose raising re-runs the job (`raise Retry(defer=10)` in an arq job). */
        task_retry_raises: names,
        /** Functions whose callback argument is retried (`pRetry`, `backOff`, `retry_call`). */
        wrappers: names,
        /** Iterables whose loop body is one attempt (`for attempt in Retrying(...)`). */
        iterators: names,
        /** Keyword arguments / option keys of a retry helper that run on every attempt. */
        hooks: names,
        /** Words in a loop counter that mark an attempt loop (`attempt`, `retries`). */
        counter_words: names,
        /** Words in a flag that marks a retry-until-done loop (`while not done`). */
        done_words: names,
        /**
         * Words of a call or a name that waits between attempts (`sleep`, `setTimeout`, `delay`):
         * a counter that indexes only what such a call or name is handed (`await sleep(DELAYS[i])`)
         * reads a back-off schedule, not the data a loop walks.
         */
        wait_words: names.default([]),
        /**
         * Words of a column that counts or schedules a record's attempts (`attempt_count`,
         * `next_retry_at`): a sweep over records a query compares by one retries them.
         */
        due_counter_words: names,
        /**
         * Words that may follow a counter word at the end of a counter field's name (`retry_count`,
         * `attemptsMade`): the field still counts attempts. Any other last word (`retry_state`,
         * `last_attempt_status`, `retry_at`) names something else about the attempts.
         */
        counter_tail_words: names,
        /** Words that name a maximum (`max_retries`, `attempt_limit`): a counter at it has had its last attempt. */
        limit_words: names,
        /**
         * Words of a threshold that starts something after some attempts (`ALERT_AFTER`,
         * `WARN_AFTER_ATTEMPTS`): a counter past it goes on to further attempts, so it is no limit.
         */
        threshold_words: names,
        /**
         * Flags a record keeps until what a sweep does to it is done (`processed`, `sent`): a sweep
         * over records whose flag is still false sends again what an earlier run did not mark.
         */
        due_done_flags: names,
        /**
         * Fields that hold a record's state (`status`): a sweep that selects records in one state and
         * moves each to another after its write is due to write again for a record whose move did not follow.
         */
        due_state_words: names,
        /** Query-builder methods that compare the column named first (`.lt("retry_count", 5)`). */
        due_query_methods: names.default([]),
        /** Operator keys of a column's filter object (`{ $lt: 5 }`, `{ lt: 5 }`). */
        due_operator_keys: names.default([]),
        /** Lookup suffixes of a filter keyword (`retries__lt`). */
        due_lookup_suffixes: names.default([]),
        due_exclusion_methods: names.default([]),
        /** Calls that install retries on an HTTP client for all its requests (`axiosRetry`). */
        client_configurators: names,
        /**
         * Request functions whose module retries every method by default (npm `retry-request`:
         * 2 retries on no response, 2 on 5xx/429, POST included): a write request through the
         * imported function is retried unless its options set every one of `retries_options` to 0.
         */
        retrying_request_modules: z.array(z.object({ module: z.string().min(1), retries_options: names }).strict()).default([]),
        /**
         * Packages whose default export is one client every importer shares (`import axios from
         * 'axios'`): a retry policy installed on it in one file retries its requests in every file.
         */
        shared_clients: names.default([]),
        /**
         * Query filters written as a function of a column and its value (drizzle `eq(payouts.status,
         * "pending")`, `inArray(t.status, [...])`), by the called name: read as `{ status: "pending" }`.
         */
        column_filter_calls: names.default([]),
        /** The same as a method of the column (SQLAlchemy `Model.sent_at.is_(None)`), by the method's name. */
        column_filter_methods: names.default([]),
        /**
         * Where a client takes a response interceptor (axios `interceptors.response.use`, matched as
         * the end of the called path): an error handler that sends the failed request's config
         * again through the client retries every request, writes included.
         */
        response_interceptors: names.default([]),
        /**
         * Retry policies a call attaches to a client and the client's own options configure
         * (retry-axios: `rax.attach()` on the shared client of `default_client`, or `rax.attach(api)`,
         * read from `raxConfig` on `client.defaults` or in `axios.create({ raxConfig })`). Writes are
         * retried when `methods_key` lists one, or the library's `default_methods` do when it is
         * absent, or when `condition_key` sets a condition of the project's own (it replaces the
         * method test); every one of `count_keys` set to 0 turns the retries off.
         */
        attached_policies: z
          .array(
            z
              .object({
                module: z.string().min(1),
                attach: z.string().min(1),
                default_client: z.string().min(1),
                config_key: z.string().min(1),
                methods_key: z.string().min(1),
                default_methods: names,
                condition_key: z.string().min(1).optional(),
                count_keys: names,
              })
              .strict(),
          )
          .default([]),
        /**
         * Durable steps whose result is kept once they succeed (`step.run('id', async () => …)`):
         * a retry of the function skips a step that finished, so nothing after it sends its contents again.
         */
        memoized_steps: names,
        /**
         * Methods that take the next item off a queue or list (`r.lpop('celery')`, `queue.popleft()`):
         * a loop that takes one each pass and leaves when none came drains the queue, one item per pass; it is no attempt loop.
         */
        drain_methods: names.default([]),
        /**
         * Calls a consumer waits on for its next item (`r.brpop('jobs')`, `ws.recv()`, `consumer.poll()`):
         * a forever loop that takes one each pass answers a timeout per item; it is no pass tried again.
         */
        take_methods: names.default([]),
        /**
         * Words that name a retry in a method a failure handler calls (`job.resetForRetry()`,
         * `scheduleRetry(item)`): a method named for one, not led by it, puts the work back for a later attempt.
         */
        reschedule_method_words: names.default([]),
        /**
         * Response statuses that say the request was refused, not carried out (401, 429): a call that
         * runs its function again only in a branch on one of them (`if (res.status === 401 && retries > 0)
         * return this.request(…)` after a token refresh) repeats nothing that was done.
         */
        refused_statuses: names.default([]),
        /**
         * Retry wrappers (by module) whose callback gets, as its first argument, the function that stops the
         * retries: async-retry's `retry(async (bail) => …)`. A callback that calls it for every error but a
         * refused status retries only requests that were refused.
         */
        bail_first_wrappers: names.default([]),
        /**
         * Fields of an error that hold the provider's own error code (`err.code === 50416`, Twilio's "proxy
         * address in use"): a code of four digits or more is no HTTP status but a rejection the provider
         * answered with, so a function that runs itself again only in a branch on one repeats nothing done.
         */
        provider_code_fields: names.default([]),
        /**
         * Texts of an error the app's own store raises (sqlite's `database is locked`, `SQLITE_BUSY`):
         * an attempt loop whose handler re-raises every error but one whose text names one of these
         * retries a local failure only; a remote answer leaves the loop at once.
         */
        local_failure_texts: names.default([]),
        /**
         * Texts of a refusal saying the thing a write makes already exists (`op_already_exists`,
         * `AlreadyExists`, "duplicate"), compared lower-cased as a part of a handler's test, and the
         * statuses that say so (409): a handler of the attempt that takes one as done shows the
         * provider refuses a repeat of the write.
         */
        duplicate_answers: names.default([]),
        duplicate_statuses: names.default([]),
        /** Texts of the app's own store refusing a duplicate row (`duplicate key`, `DuplicateKeyError`): no provider's answer. */
        local_duplicate_answers: names.default([]),
        /**
         * Words of a call that makes a pending request take effect (`confirmOrderCancellation(c.id)`):
         * a write retried on its own whose result only such a call, after the retry, acts on made a
         * pending request (a quote, a draft) that does nothing until confirmed once.
         */
        confirm_words: names.default([]),
        /**
         * A write that makes a new object (`create`) and a read of one object by its id (`retrieve`, `get`) on the
         * same collection: that read sees the object the record points to, never one an earlier attempt made.
         */
        new_object_verbs: names.default([]),
        by_id_read_verbs: names.default([]),
        /**
         * Words of a long-running entry point a `while True` loop starts again after it crashes
         * (`main_fn()`, `bot.start_polling()`, `app.run_forever()`): the loop's handler runs on every crash.
         */
        restart_words: names.default([]),
        repeating_timers: names.default([]),
        one_shot_timers: names.default([]),
        /**
         * Scheduler registrations that run a function on a schedule (`cron.schedule(expr, fn)`,
         * `scheduler.add_job(fn, 'interval')`), constructors that do (`new CronJob(expr, fn)`),
         * decorators that do (`@Cron(…)`, `@scheduler.scheduled_job(…)`), tables that do (Celery's
         * `beat_schedule`), and the words of a method that marks a selected row (`update`, `save`).
         */
        schedule_registrations: names.default([]),
        schedule_constructors: names.default([]),
        schedule_decorators: names.default([]),
        schedule_tables: names.default([]),
        schedule_mark_words: names.default([]),
        schedule_select_words: names.default([]),
        /**
         * Query builders' filter methods named by the comparison, called with a column and a value
         * (Supabase / PostgREST `.is("reminder_sent_at", null)`, `.eq("status", "pending")`): a
         * state value there selects rows by that column, as `find({ sent: false })` does.
         */
        schedule_filter_methods: names.default([]),
        /** Keyword suffixes that select rows by whether a column is null (Django `sent_at__isnull=True`). */
        null_filter_suffixes: names.default([]),
        schedule_helper_words: names.default([]),
        /** Retry conditions that only retry idempotent requests (the configurator's safe default). */
        idempotent_conditions: names,
        /** Retry policy objects whose `allowed_methods` decide what is retried (urllib3 `Retry`). */
        http_policies: names,
        /** Transport adapters that carry a policy (`HTTPAdapter(max_retries=...)`), mounted on a session. */
        http_adapters: names,
        /** Job-queue retry policies passed as `retry=` when enqueuing (RQ `Retry(max=3)`). */
        job_policies: names,
        /** Options that hand a scheduler a retry count for the function passed with them (`job_scheduler(function=f, max_retries=5)`). */
        retry_count_options: names,
        /** Job-queue workers whose processor function is re-run when a job has `attempts > 1` (BullMQ, Bull). */
        /** Queue processors written as classes (`process(job: Job)`, `@Process()`): see `job_processors` in vocabulary.yaml. */
        job_processors: z
          .object({ methods: names, job_types: names, decorators: names, queue_decorators: names, bases: names, queue_injectors: names, job_options: names, add_methods: names })
          .strict()
          .default({ methods: [], job_types: [], decorators: [], queue_decorators: [], bases: [], queue_injectors: [], job_options: [], add_methods: [] }),
        job_workers: names,
        /** Worker events fired on every failed attempt (`worker.on('failed', …)`): their handler is a per-attempt hook. */
        job_failure_events: names,
        /** The job's own count of attempts made (`job.attemptsMade`): a failure hook that tests it sends once. */
        job_attempt_counter: z.string().min(1).optional(),
        /** Methods on a task itself that enqueue it again (`charge.apply_async(…)`, `charge.delay(…)`). */
        reenqueue_methods: names,
        /** Calls that enqueue the function named by their first argument (`queue.enqueue(charge, …)`). */
        enqueue_calls: names,
        /** Calls that put a job back on a queue; a retry when an argument names an attempt counter. */
        requeue_calls: names,
        /**
         * Calls that store a request for another attempt, which a scheduler runs later: on a
         * failure path with the next attempt's counter (`retryCount: n - 1`) they retry the function.
         */
        reschedule_calls: names,
        /** Methods that make a task's signature (Celery `.s()`, `.si()`), re-enqueued with `reenqueue_methods`. */
        signature_methods: names,
        /** String states of a record waiting for another attempt (`"pending_retry"`), next to the failure values. */
        retry_states: names,
        /** Job and consumer frameworks that run a handler again after it fails, by default or as configured. */
        job_frameworks: z.array(JobFrameworkSchema).default([]),
        /**
         * Types of a serverless handler's event (or of the handler) whose failed messages come back:
         * an AWS Lambda `SQSEvent` handler is run again on each message it fails (all of them when
         * it throws, or those it reports in `batchItemFailures`).
         */
        redelivered_events: names,
        /**
         * Calls that verify a provider's webhook request (`stripe.webhooks.constructEvent(body, sig,
         * secret)`): the function that makes one is the handler of an event the provider delivers
         * again until the handler answers 2xx.
         */
        redelivered_webhook_verifiers: names.default([]),
        /**
         * Exceptions, named by the module that defines them, whose raising makes a message
         * consumer put the message back for another delivery (`raise RetryableError` of
         * `sdc.rabbit`): the function that raises one runs again from the start.
         */
        redelivery_raises: names,
        /**
         * Calls that settle a delivered message by hand (Azure Service Bus `receiver.completeMessage(message)`
         * in peek-lock mode, RabbitMQ `channel.ack(msg)` / `ch.basic_ack(delivery_tag=…)`): a message
         * whose handler fails before the settle is delivered again, so what it did before the settle runs again.
         */
        settle_calls: names,
        /**
         * Commands that settle a delivered message when a client sends them (AWS SDK v3
         * `sqs.send(new DeleteMessageCommand({ ReceiptHandle: msg.ReceiptHandle }))`), by class name:
         * read like a `settle_calls` call.
         */
        settle_commands: names.default([]),
        /**
         * Calls that end a delivered message for good on a failure path (`receiver.deadLetterMessage(message)`,
         * `channel.nack(msg, false, false)`): a handler whose every failure ends so is not redelivered.
         */
        settle_failure_calls: names,
        /**
         * Calls that put a message back unless told not to (amqplib `channel.nack(msg, allUpTo, requeue)`,
         * `channel.reject(msg, requeue)`, pika `basic_nack` / `basic_reject`): with their requeue flag
         * (the last parameter) false, they end the message for good.
         */
        settle_drop_calls: names,
        /**
         * Methods that keep a job's own state across its attempts (BullMQ `job.updateProgress`): a
         * set of finished items saved through one and read back from the job is done for good.
         */
        job_state_saves: names,
      })
      .strict()
      .prefault({}),
    /** Named lists of argument, key and header names; `idempotency-key` reads `keys.idempotency`. */
    keys: z.record(z.string(), names).default({}),
    /**
     * Fields a provider itself refuses to process twice, though the same name elsewhere is only a
     * label (Flutterwave's and Paystack's transfer `reference`): keys of `list` only on a call to
     * one of `providers` (a word of the called name, of the class making the call, or of its URL).
     * A provider written with a dot (`merchantapi.googleapis.com`) is its API host: named only by a
     * URL that holds it, since its words (`merchantApi`) are any project's own client's too.
     */
    provider_keys: z.array(z.object({ list: z.string().min(1), keys: names, providers: names }).strict()).default([]),
    /**
     * Brands written in capitals as two words (`WhatsApp`, `VTPass`, `PayStack`): two adjacent words of a
     * name are read joined only when they make one of these (`merchant` + `api` is an ordinary pair).
     */
    brand_words: names,
    timeouts: z
      .object({
        /** Exception class names (patterns) that mean "timed out". */
        exceptions: names,
        /** Error codes and names compared in catch blocks (`ETIMEDOUT`, `AbortError`). */
        codes: names,
        /** Broad or transport errors a timeout also lands in (`Exception`, `RequestException`, `HTTPError`). */
        broad_exceptions: names,
        /** Errors raised before anything was sent (`ConnectTimeout`): their handlers may record a failure. */
        sent_nothing: names,
        /** Errors that carry the provider's definite answer (`InvalidRequestError`, `CardError`): not ambiguous. */
        definite: names,
        /** Root error classes (`Error`, `Exception`): a test that an error is one of them is true of every error. */
        base_classes: names,
        /**
         * Fields of a caught error that hold a mail server's reply code (nodemailer `responseCode`,
         * smtplib `smtp_code`): a 5xx there is a permanent rejection, not a server error after the work.
         */
        reply_code_fields: names,
        /**
         * A field of a caught error set once the request went out and no answer came (axios's
         * `error.request`): a branch on it is a request sent and unanswered, never a definite case,
         * and the `else` after it one of a request that never left.
         */
        unanswered_fields: names.default([]),
        /**
         * Methods a job framework calls, in the task's class, with whatever error ended its last
         * attempt (Celery's `Task.on_failure(self, exc, task_id, args, kwargs, einfo)`): a timeout of
         * the task's write lands there as well, so what they record is recorded for an unknown outcome.
         */
        final_failure_hooks: names.default([]),
        /**
         * Names a Node-style callback gives its first parameter when it is the call's error
         * (`(err, info) => …`): what the callback of a write does with it, it does for an unknown outcome.
         */
        callback_error_params: names.default([]),
      })
      .strict()
      .prefault({}),
    outcomes: z
      .record(
        z.string(),
        z
          .object({
            /** Words that, in a called name, record this outcome (`mark_failed`). */
            call_words: names,
            /**
             * First words of a called name that undo what the operation took (`refundWalletDebit`):
             * called in the handler of that operation, they treat it as this outcome. Not classes.
             */
            compensation_verbs: names,
            /**
             * First words that, before a `compensation_verbs` word, name the same undoing
             * (`processRefund`, `issue_refund`): the lead verb only says the refund is carried out.
             */
            compensation_leads: names,
            /**
             * First words of a called name that undo something (`rollback_budget`, `restoreWalletBalance`):
             * they give back what the operation took only when a later word of the name is an amount
             * held for it (`held_amounts`); alone (`session.rollback()`) they undo a transaction.
             */
            undo_verbs: names,
            /** Amounts an operation takes up front and gives back when it fails (`budget`, `balance`, `credits`). */
            held_amounts: names,
            /** String or enum values that record this outcome (`"failed"`, `Status.FAILED`). */
            values: names,
            /**
             * Members that record it only in an enum named for a status (`MailStatus.Error`,
             * `SmsStatus.ERROR`): elsewhere the word names something else (a toast's `'error'` style).
             */
            status_enum_values: names,
            /** Last words of the enum names `status_enum_values` count in (`MailStatus`, `JobState`). */
            status_enum_words: names,
            /**
             * Words of enum names whose status is a protocol's answer, not a record's state
             * (`HttpStatus.INTERNAL_SERVER_ERROR`): a member named for the state by its last word
             * (`PaymentStatus.PAYMENT_ERROR`) counts only outside them.
             */
            answer_status_words: names.default([]),
            /** Words that, before a state's name in a member, say it did not happen (`NO_ERROR`, `WITHOUT_ERROR`). */
            negated_state_words: names.default([]),
            /**
             * Last words of enum names whose members name a kind of event (`Notification.Type`,
             * `EventKind`): a member led by one of `values` (`FAILED_SEND_SLACK_MESSAGE`) records
             * the event of that outcome, as a member of a status enum does.
             */
            kind_enum_words: names,
            /** Whether `return False` / `return false` records this outcome. */
            return_false: z.boolean().default(false),
            /** Whether `return None` / `return null` records it, in a function that otherwise returns a value. */
            return_none: z.boolean().default(false),
            /** Keys whose `false` value in a result records it (`{ success: false }`). */
            result_flags: names,
            /** Keys of a returned result that carry an error instead of a value (`return {"error": …}`). */
            error_fields: names,
            /**
             * Endings of result or response class names whose leading `false` argument records it
             * (`return new ApiResponseDto(false, "Transfer failed")`).
             */
            result_types: names,
            /**
             * Fields and parameters that hold an operation's outcome (`result`): the caught error stored
             * in one (`self._store_result(rec.id, repr(exc))`, `job.result = str(e)`) records that it ended in that error.
             */
            error_results: names,
            /**
             * Words that name the record of a procedure's run (`failMaintenanceJobRun(…)`,
             * `failProductionDeployment(…)`, `failProductionRollback(…)`): the run did fail when its
             * try raised, so what such a record says is no verdict on a write's unknown outcome.
             */
            run_records: names.default([]),
            /** Methods that gather results into a list (`results.push({ success: false })`): a flag handed to them is still a result. */
            result_collectors: names,
            /** Whole callee paths that hand an error on rather than record it (`Promise.reject`). */
            exclude_calls: names,
            /** Words that, anywhere in identifiers or strings, mention this outcome. */
            mention_words: names,
            /**
             * Phrases of a message that asks its reader to do the operation again (`"Please try again
             * later"`): told to a user or a client about a write whose outcome is unknown, it answers
             * that the write failed, and invites the duplicate.
             */
            retry_invitations: names,
            /**
             * Words of a message that says the operation did not happen (`"Unable to create the
             * account"`, `"could not"`): a branch that says so is no "found an existing one" answer.
             */
            failed_phrases: names,
            /**
             * Nouns after which a mention word names an error, not this outcome (`'Unknown error'`,
             * an error message's fallback wording): such a mention does not count.
             */
            error_nouns: names,
            /**
             * Last words of a name that holds a handle of a record (`pendingId`, `pending_transfer_id`):
             * the mention word there says which record, not what state it is recorded in.
             */
            handle_nouns: names,
            /**
             * Keys of an atomic number update (Prisma's `{ decrement: amount }`): a column whose amount
             * moves is a balance, not a state, so a mention in its name records nothing.
             */
            amount_moves: names,
          })
          .strict(),
      )
      .default({}),
    responses: z
      .object({
        /** Response fields a status check reads (`status_code`, `ok`). */
        status_fields: names,
        /** Of those, the ones that are true on success (`ok`), as opposed to a number. */
        boolean_fields: names,
        /**
         * Fields of a client's response that hold the parsed body (axios `data`): pulled out whole
         * (`const { data: body } = await http.post(…)`), the body is there only for a 2xx, and its
         * own status is the provider's answer, not the transport's.
         */
        body_fields: names,
        /** Status values that mean success (`succeeded`, `booked`): a check for one is a success test. */
        success_values: names,
        /** A result's code field by its last words, snake case (`response_code`: `ResponseCode`, `vnp_ResponseCode`). */
        result_code_fields: names.default([]),
        /** Result codes that mean success (M-Pesa `'0'`, VNPay `'00'`): a check for one is a success test. */
        success_codes: names.default([]),
        /**
         * Calls that answer the client with a body (`res.json(…)`, `jsonify(…)`, `JsonResponse(…)`):
         * a status the body carries (`{ status: 'error' }`) is the answer's, not a stored record.
         */
        answer_calls: names,
        /**
         * Answer calls whose second positional argument is the status (Django REST framework's
         * `Response(data, 400)`, Flask's `make_response(body, 400)`, Starlette's `JSONResponse(content,
         * 502)`); not Django's `JsonResponse`/`HttpResponse`, whose second is an encoder or content type.
         */
        positional_status_calls: names.default([]),
        /**
         * Methods that set the status of the answer they are called on (Express `res.status(code)`,
         * `res.sendStatus(code)`, Fastify `reply.code(code)`): not every method named like a status
         * field (`toast.success(status)`, `assert.ok(code)`).
         */
        status_methods: names.default([]),
        /**
         * Errors (and calls) that answer the client with the status they are handed (FastAPI's
         * `raise HTTPException(status_code=code)`, Flask's `abort(code)`, `throw createError(code, msg)`,
         * NestJS's `new HttpException(msg, code)`).
         */
        error_answer_calls: names.default([]),
        /**
         * Calls that show the user a message with the page they are sent to (Django's
         * `messages.error(request, …)`, Flask's `flash(…)`): a failure said there answers the user.
         */
        user_message_calls: names.default([]),
        /**
         * A chat bot's answer to the person who gave the command (discord.js
         * `interaction.editReply(…)`, Telegraf's `ctx.reply(…)`, python-telegram-bot's
         * `update.message.reply_text(…)`): a failure said there answers that person, as a
         * notification would. Name patterns.
         */
        chat_reply_calls: names.default([]),
        /**
         * Named error statuses an answer to the client can carry (`HTTP_400_BAD_REQUEST`,
         * `HttpStatus.BAD_GATEWAY`); a 4xx/5xx number in a `status_fields` field is one too.
         */
        error_statuses: names,
        /**
         * The client-error (4xx) ones among them (`HTTP_4*`, `HttpStatus.BAD_REQUEST`); a 4xx number in
         * a `status_fields` field is one too. A 4xx tells the client its request was refused; a 5xx
         * leaves the outcome as unknown to the client as a timeout left it to the server.
         */
        client_error_statuses: names.default([]),
        /**
         * Fields of a caught error that hold its text (`err.message`, `e.detail`): an answer carrying
         * one carries the error; another field (`err.response.status`) is a test, not the error.
         */
        error_message_fields: names.default([]),
        /**
         * Clients whose queries resolve to `{ data, error }` instead of rejecting (Supabase):
         * `await supabase.from('t').update(…)` with its result dropped cannot fail the attempt.
         * Matched against the words of the chain's receiver (`this.supabase`, `supabaseAdmin`).
         */
        error_returning_clients: names.default([]),
        /**
         * JavaScript SDKs whose every call resolves to `{ data, error }` and never rejects, network failures
         * included (Resend's Node SDK: `const result = await resend.emails.send(…)`). Matched as a whole part
         * of the call's receiver (`resend.emails.send`, `this.resend.emails.send`): a try around such a call
         * never sees its outcome unless the code raises on the result's error.
         */
        error_returning_sdks: names.default([]),
        /**
         * Methods of a response that raise only when its status is an error (`response.raise_for_status()`
         * of requests, httpx and aiohttp): called on a send's own result right after it, the check is
         * part of the send, and a retry it starts follows a send that failed.
         */
        status_raising_methods: names.default([]),
        /**
         * Methods of a fetch response that read the body it came with (`await res.json()`, `res.text()`):
         * called on a send's own result, the read is the end of that send's exchange, no later step.
         */
        body_read_methods: names.default([]),
        /**
         * Keyword arguments that, set to `True`, make the call swallow its own errors (Django's
         * `message.send(fail_silently=True)`, `send_mail(…, fail_silently=True)`): nothing of the send's
         * outcome is raised to a handler around it, or to a retry that waits for a raise.
         */
        silencing_arguments: names.default([]),
      })
      .strict()
      .prefault({}),
    /**
     * Word stems a prior-success check must mention, in its condition or the lookup it reads
     * (`already_charged`, `existing`, `status == "succeeded"`): an early return on anything else
     * (`if not order: return`) checks nothing about an earlier attempt.
     */
    prior_success_words: names,
    /**
     * Filter keys that pick a record by its identity alone (`{ where: { id } }`, `pk=`): an
     * existence test of a record so found proves only that it exists, not that an attempt succeeded.
     */
    record_identity_keys: names.default([]),
    /** First words of a called name that reads or computes (`get_status`, `findOrder`): not what a handler's outcome is about. */
    read_verbs: names,
    /**
     * First words of a helper of another file that runs a whole procedure (`runBillingReconciliation()`,
     * `run_data_retention()`): a handler around it records the run's failure, not a write's unknown outcome.
     */
    procedure_verbs: names.default([]),
    /** Words that join the nouns of a called name (`get_identity_by_address`): not what the call is about. */
    name_joining_words: names.default([]),
    /** First words of a function that probes (`checkIntegration`): its failure result is a verdict, not a record. */
    probe_verbs: names,
    /**
     * Last words of a capitalised method name on a held object that builds a message, not a call
     * (`factory.CreateOrderRequest(…)` of a zeep type factory, `pb.ChargeInput(…)`): no write, whatever its verb.
     */
    message_type_suffixes: names.default([]),
    /**
     * Word stems of a called name that moves value (`create_refund`, `capture`, `createPayout`,
     * `sendMoney`): a write known only by its name's verb counts as a remote write for a client
     * answer that carries the caught error only when it moves value.
     */
    value_moving_words: names.default([]),
    /**
     * Resources of a payment package's client that bill the customer once created
     * (`stripe.Subscription.create`): a remote write as a value-moving resource is.
     */
    billing_resources: names.default([]),
    /** Words of a name built as a marker key (`cache_key`): looked up before a send and stored after it, it makes the send once per key. */
    marker_key_words: names,
    /** Words in a condition that make a branch run once per retry batch (`notified`, `last`). */
    once_words: names,
    /**
     * Calls that deliver many messages one after another (`connection.send_messages(messages)`,
     * `send_mass_mail(…)`): a failure part-way leaves the earlier ones delivered, so even as the last
     * step of a retried run the retry delivers them again.
     */
    batch_sends: names.default([]),
    /** Methods that write a record through a collection (`reminder_set.create`, `NimbusAlert.objects.create`). */
    record_write_methods: names,
    /** Keys of a write's arguments that select the rows it writes (`where:`), not values it stores. */
    record_filter_keys: names.default([]),
    /**
     * A database transaction a write belongs to: the option keys that hand it one (`{ session }`,
     * `{ transaction: t }`), the calls that commit it (`commitTransaction`, `commit`), and the blocks
     * whose writes commit when they close (`with transaction.atomic():`).
     */
    transaction_options: names.default([]),
    transaction_commits: names.default([]),
    /**
     * Methods of a database session that stage, reload or end what it holds (SQLAlchemy's
     * `db.refresh(row)`, `db.flush()`, `db.rollback()`): a helper that only stores rows makes them too.
     */
    store_session_methods: names.default([]),
    transaction_blocks: names.default([]),
    /**
     * Calls that build a model of the application's own database (`mongoose.model('Payment', schema)`,
     * `sequelize.define(…)`): a module that exports one hands out a local store, and `Payment.create(…)`
     * through it writes no remote system.
     */
    store_model_factories: names.default([]),
    /**
     * Classes whose instance is the connection to the application's own database (`new Sequelize(url)`):
     * a module that opens one and exports an object it fills with loaded models by name
     * (`db[model.name] = model`, sequelize-cli's `models/index.js`) hands out local stores only.
     */
    store_connections: names.default([]),
    /**
     * Types of a model or repository of the application's own database (`Model<Payout>` of Mongoose or
     * Sequelize, TypeORM's `Repository<User>`) and the decorators that inject one (NestJS `@InjectModel`):
     * `this.payoutLogModel.create(…)` on a field so typed or injected stores a row locally, as a class
     * extending one (`class CallLog extends Model`) does.
     */
    store_model_types: names.default([]),
    store_model_injectors: names.default([]),
    /**
     * Types whose value is a handle on the application's own database itself, written with no type
     * argument (`client: PrismaClient | Prisma.TransactionClient`, `em: EntityManager`):
     * a write through a parameter or field so typed (`client.measurement.create(…)`) stores locally.
     */
    store_handle_types: names.default([]),
    /** Calls that join models of the application's own database (`Booking.hasMany(Ticket)`): a module making them passes its models on. */
    store_model_associations: names.default([]),
    /** Methods that narrow a collection before a bare `.exists()` (`filter`, `where`). */
    record_query_methods: names.default([]),
    /**
     * Calls that pick a table by name for the query built on them (`supabase.from('failed_transfers')`,
     * `knex('payment_failures')`, `db.collection('x')`): the table a write through them goes to.
     */
    table_selectors: names.default([]),
    /**
     * Calls that run the function they are handed only after the database transaction commits
     * (Django's `transaction.on_commit(lambda: send(…))`): what that function sends is not sent by
     * the call that registers it, nor in the try around it.
     */
    commit_hooks: names.default([]),
    /**
     * Methods that create a record only when none has the key, and say which happened (`obj, created =
     * Outbox.objects.get_or_create(dedupe_key=k)`, Sequelize's `findOrCreate`): a function that stops
     * unless it created one runs once per key.
     */
    claim_methods: names,
    /**
     * Names that hold a client's configuration (`this.config.clientId`, `settings.MERCHANT_ID`,
     * `process.env.X`): a "key" read only from them is the same for every operation, so it keys none.
     */
    configuration_names: names,
    /** Names of credentials (`webhook.secret`): a "key" read from one is the same for every operation made with it. */
    credential_names: names,
    /**
     * Words naming a language model's client (`anthropic`, `openai`): a call on one (`anthropic.messages.create`,
     * `this.client.messages.create` with `client: Anthropic`) asks for an answer; it neither writes nor notifies.
     */
    model_client_words: names.default([]),
    /**
     * Words of a request's URL path that ask a model for an answer (`/v1/messages`, `/v1/responses`,
     * `:generateContent`): on a host named by `model_client_words`, such a request computes and stores
     * nothing. The same host's storage endpoints (`/v1/files`, `/v1/vector_stores`) still write.
     */
    model_answer_url_words: names.default([]),
    /**
     * Words of a URL that name a database's own REST endpoint (`firestore`: Firestore's
     * `https://firestore.googleapis.com/v1/projects/…/documents:commit`): a request there reads or writes
     * the application's own store, as a database client's call (`db.*`) does; it is no call to another service.
     */
    store_url_words: names.default([]),
    /**
     * Words naming a GraphQL endpoint in a request's URL (`https://api.slab.com/v1/graphql`): a request
     * there whose document comes from its callers reads when every document of the file is a query.
     */
    graphql_url_words: names.default([]),
    /**
     * HTTP methods that only read (`GET`, `HEAD`, `OPTIONS`): a helper of another file handed one as its
     * `method` option or keyword (`request({ requestPath, method: 'GET' })`) writes and sends nothing.
     */
    read_http_methods: names.default([]),
    /** Words that name a logger or metrics object; calls on them never notify or mutate. */
    passive_receivers: names,
    /**
     * Calls that compute in memory and reach nothing outside the program (clock reads and date
     * formatting, `now_utc().isoformat()`; an ORM's in-memory change flag, `flag_modified(entry, 'data')`):
     * a step made only of them cannot fail an attempt for a reason outside it.
     */
    in_memory_calls: names.default([]),
    /** Classes whose new, empty instance is a collection in memory (`new Set()`, `set()`, `defaultdict()`): adding to it does no I/O. */
    in_memory_collections: names.default([]),
    /**
     * Calls that count or time something for a metrics client, matched with `()` removed
     * (`notifications_sent_total.labels(channel=c).inc()` is `….labels.inc`): they report, they act on nothing.
     */
    metric_calls: names.default([]),
    /** Calls that add a line to a job's own log (`job.log(…)` of BullMQ/Bull): they report, and act on nothing. */
    passive_calls: names.default([]),
    /**
     * Packages of metrics clients (prom-client, prometheus_client): a value the file makes with a class
     * imported from one (`const eventsPublished = new Counter({…})`) is a metric, whose calls count.
     */
    metric_modules: names.default([]),
    /**
     * How a request's body is told from its options (`axios.post(url, { ...data, timestamp })` sends
     * the caller's data; `got.post(url, { json, ...opts })` takes options): methods whose second
     * argument is the body, clients that take options there anyway, and option names that make an
     * object the options wherever it stands.
     */
    request_body: z
      .object({ body_methods: names.default([]), options_second_clients: names.default([]), option_keys: names.default([]) })
      .strict()
      .default({ body_methods: [], options_second_clients: [], option_keys: [] }),
    /** First words of a called name that report an event (`logError`, `trackEvent`): a value handed to it records nothing. */
    log_verbs: names,
    /** First words of a test's assertion (`expect(…).to.include`, `assert.equal`, `self.assertEqual`): it compares, it records nothing. */
    assert_verbs: names,
    /**
     * Wrappers that return the function they are given, to be called in another mode
     * (`async_to_sync(channel_layer.group_send)(group, event)`): the call is the wrapped function's.
     */
    call_adapters: names,
    /**
     * Calls that run the function they are handed, with the arguments after it, and return its
     * result (`run_in_threadpool(stripe.Transfer.create, **params)`), by the position of that
     * function among the positional arguments (`loop.run_in_executor(None, fn)`: 1): the call is the function's.
     */
    call_runners: z.record(z.string().min(1), z.number().int().min(0)).default({}),
    /**
     * Modules that only code running in the user's browser or app imports (`react`, `vue`,
     * `react-native`, toast libraries): a file importing one, rendering JSX or marked `'use client'`
     * shows what happened to a person; its failure messages and UI state record nothing.
     */
    user_interface_modules: names.default([]),
    /**
     * Modules whose default export is a library function under that function's own name
     * (`request-promise` → `request`): `import rp from 'request-promise'`, `const rp =
     * require('request-promise')` then `rp(options)` is judged as `request(options)`.
     */
    default_exports: z.record(z.string().min(1), z.string().min(1)).default({}),
    /** Calls only a page's script makes (`document.getElementById`): a file making one runs in the browser. */
    user_interface_calls: names.default([]),
    /**
     * Functions of such a file that run on the server (Remix `action`/`loader`, Next's
     * `getServerSideProps`): their answers and records are the server's.
     */
    server_entry_functions: names.default([]),
  })
  .strict();

/** The vocabulary as YAML writes it (every key optional). */
export type VocabularyInput = z.input<typeof VocabularySchema>;
/** The vocabulary with every list present. */
export type Vocabulary = z.output<typeof VocabularySchema>;
export type CallVocabulary = z.output<typeof CallVocabularySchema>;

/**
 * Extends `base` with `extra`: lists are concatenated (duplicates dropped), a flag is on when
 * either side turns it on (a config cannot switch off a built-in flag by omitting it). Used to layer a project's config over the built-in vocabulary.
 */
export function mergeVocabularies(base: Vocabulary, extra: Vocabulary): Vocabulary {
  return mergeDeep(base, extra) as Vocabulary;
}

function mergeDeep(a: unknown, b: unknown): unknown {
  if (Array.isArray(a) && Array.isArray(b)) return [...new Set([...a, ...b])];
  if (isRecord(a) && isRecord(b)) {
    const out: Record<string, unknown> = { ...a };
    for (const [key, value] of Object.entries(b)) out[key] = key in a ? mergeDeep(a[key], value) : value;
    return out;
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') return a || b;
  return b === undefined ? a : b;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
