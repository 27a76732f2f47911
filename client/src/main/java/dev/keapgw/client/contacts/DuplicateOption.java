package dev.keapgw.client.contacts;

/**
 * How a contact create recognises an existing contact ({@code duplicate_option}): when one
 * matches, Keap updates it (answering 200) instead of creating another (201).
 */
public enum DuplicateOption {
  /** Same email address. */
  Email,
  /** Same email address and name. */
  EmailAndName,
  /** Same email address, name and company. */
  EmailAndNameAndCompany
}
