package dev.tessera.platform.api.event;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Reads the event stream and manages delivery problems: the dead letters and their replay. */
@ProviderType
public interface EventLog {

    /**
     * Committed events after a sequence, oldest first.
     *
     * @param afterSequence only events after this position (0 for the beginning)
     * @param typePattern   an event type or a prefix ending in {@code *}; null or empty for all
     * @param limit         at most this many (1 to 10,000)
     */
    List<StoredEvent> events(long afterSequence, String typePattern, int limit);

    /** The newest committed events, oldest of them first. */
    List<StoredEvent> latest(String typePattern, int limit);

    /**
     * Every committed event about one record, oldest first: who changed what and when (the record's audit trail).
     *
     * @param recordType the record part of the event types, e.g. {@code invoice}
     * @param recordId   the record's id
     */
    List<StoredEvent> history(String recordType, String recordId);

    List<SubscriberStatus> subscribers();

    /** Every dead letter, oldest first. */
    List<DeadLetter> deadLetters();

    /** Up to {@code limit} dead letters with ids above {@code afterId}, oldest first: one page of them. */
    List<DeadLetter> deadLetters(long afterId, int limit);

    /**
     * Delivers a dead-lettered event to its subscriber again, now. On success the dead letter is removed.
     *
     * @return true when the subscriber handled it
     * @throws dev.tessera.platform.api.TesseraException {@code platform.dead-letter-not-found},
     *                                                   {@code platform.subscriber-absent}
     */
    boolean replay(long deadLetterId);

    /** Replays every dead letter whose subscriber is present; returns how many were handled. */
    int replayAll();
}
