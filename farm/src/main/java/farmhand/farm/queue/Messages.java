package farmhand.farm.queue;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** JSON encoding of queue messages. Thread-safe. */
public final class Messages {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private Messages() {
    }

    /** The JSON text of {@code message}. */
    public static String encode(TaskMessage message) {
        return MAPPER.writeValueAsString(message);
    }

    /**
     * The message in {@code json}.
     *
     * @throws MalformedMessageException naming what is wrong
     */
    public static TaskMessage decode(String json) {
        try {
            TaskMessage m = MAPPER.readValue(json, TaskMessage.class);
            if (m == null) {
                throw new MalformedMessageException("not a task message: null");
            }
            if (m.id() < 0 || !(m.serviceSeconds() > 0) || !(m.deadlineSeconds() > 0)) {
                throw new MalformedMessageException("task " + m.id() + " has a negative id or a non-positive time");
            }
            return m;
        } catch (JacksonException e) {
            throw new MalformedMessageException("not a task message: " + e.getOriginalMessage());
        }
    }

    /** A message that cannot be processed; it goes to the dead-letter queue with this reason. */
    public static final class MalformedMessageException extends RuntimeException {
        public MalformedMessageException(String reason) {
            super(reason);
        }
    }
}
