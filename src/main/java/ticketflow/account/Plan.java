package ticketflow.account;

/** The subscription plan of a customer account; decides which support channels its members get. */
public enum Plan {
  FREE, PRO, BUSINESS, EDUCATION, ENTERPRISE, API
}
