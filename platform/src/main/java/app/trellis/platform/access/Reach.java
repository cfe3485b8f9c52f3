package app.trellis.platform.access;

/**
 * How far a viewer reaches into one record: all the way (the access rule lets them see it, and their role
 * decides what they may change), only for an emergency (a break-glass grant: read, and add a note about
 * the emergency, nothing else), or not at all (the record does not exist for them: 404).
 */
public enum Reach {
    FULL, EMERGENCY, NONE
}
