package dev.keapgw.sandbox.contacts;

/** Names, places and jobs the contact seed draws from; invented, any likeness is chance. */
final class SamplePeople {
  private SamplePeople() {}

  static final String[] GIVEN = {
    "Olivia", "Liam", "Emma", "Noah", "Amelia", "Oliver", "Sophia", "Elijah", "Isabella", "James",
    "Ava", "William", "Mia", "Benjamin", "Evelyn", "Lucas", "Harper", "Henry", "Camila", "Theodore",
    "Gianna", "Jack", "Abigail", "Levi", "Luna", "Alexander", "Ella", "Jackson", "Elizabeth",
        "Mateo",
    "Sofia", "Daniel", "Emily", "Michael", "Avery", "Mason", "Mila", "Sebastian", "Scarlett",
        "Ethan",
    "Eleanor", "Logan", "Madison", "Owen", "Layla", "Samuel", "Penelope", "Jacob", "Aria", "Asher",
    "Chloe", "Aiden", "Grace", "John", "Ellie", "Joseph", "Nora", "Wyatt", "Hazel", "David",
    "Zoey", "Leo", "Riley", "Luke", "Victoria", "Julian", "Lily", "Hudson", "Aurora", "Grayson",
    "Violet", "Matthew", "Nova", "Ezra", "Hannah", "Gabriel", "Emilia", "Carter", "Zoe", "Isaac",
  };

  static final String[] FAMILY = {
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
        "Martinez",
    "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson",
        "Martin",
    "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis",
        "Robinson",
    "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
    "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter",
        "Roberts",
    "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes",
  };

  /** City, region name, region code, postal code prefix. */
  static final String[][] PLACES = {
    {"Phoenix", "Arizona", "US-AZ", "850"},
    {"Chandler", "Arizona", "US-AZ", "852"},
    {"Tucson", "Arizona", "US-AZ", "857"},
    {"Austin", "Texas", "US-TX", "787"},
    {"Dallas", "Texas", "US-TX", "752"},
    {"Denver", "Colorado", "US-CO", "802"},
    {"Portland", "Oregon", "US-OR", "972"},
    {"Seattle", "Washington", "US-WA", "981"},
    {"Boise", "Idaho", "US-ID", "837"},
    {"Salt Lake City", "Utah", "US-UT", "841"},
    {"Chicago", "Illinois", "US-IL", "606"},
    {"Columbus", "Ohio", "US-OH", "432"},
    {"Nashville", "Tennessee", "US-TN", "372"},
    {"Atlanta", "Georgia", "US-GA", "303"},
    {"Miami", "Florida", "US-FL", "331"},
    {"Raleigh", "North Carolina", "US-NC", "276"},
    {"Boston", "Massachusetts", "US-MA", "021"},
    {"San Diego", "California", "US-CA", "921"},
  };

  static final String[] STREETS = {
    "Main St",
    "Oak Ave",
    "Maple Dr",
    "Cedar Ln",
    "Pine St",
    "Elm St",
    "Washington Blvd",
    "Lakeview Rd",
    "Sunset Blvd",
    "Park Ave",
    "Mill Rd",
    "Camelback Rd",
    "Highland Ave",
    "River Rd",
  };

  static final String[] JOBS = {
    "Owner",
    "Office Manager",
    "Marketing Director",
    "Sales Representative",
    "Bookkeeper",
    "Operations Lead",
    "Consultant",
    "Photographer",
    "Personal Trainer",
    "Realtor",
    "Dentist",
    "Interior Designer",
    "Accountant",
    "Coach",
  };

  static final String[] DOMAINS = {"example.com", "example.org", "example.net", "mail.example.com"};
}
