import type { MathProblem } from './math';

/**
 * Grade-school word problems written for this project (not taken from any benchmark), each with
 * its answer worked out by hand. Used as presets in the playground and in tests.
 */
export const MATH_PROBLEMS: readonly MathProblem[] = [
  {
    id: 'm01',
    question:
      'Mia has 12 apples. She gives 5 to her brother and buys 8 more. How many apples does she have now?',
    answer: 15,
  },
  { id: 'm02', question: 'A box holds 6 pencils. How many pencils are in 7 boxes?', answer: 42 },
  {
    id: 'm03',
    question: 'Tom reads 15 pages a day. How many days does he need to read a book of 105 pages?',
    answer: 7,
  },
  {
    id: 'm04',
    question:
      'A bus has 40 seats. 23 people are on the bus. At the next stop 9 get off and 14 get on. How many empty seats are there now?',
    answer: 12,
  },
  {
    id: 'm05',
    question:
      'Pens cost 3 dollars each and notebooks cost 5 dollars each. How much do 4 pens and 3 notebooks cost in dollars?',
    answer: 27,
  },
  {
    id: 'm06',
    question: 'A garden is 9 meters long and 6 meters wide. What is its area in square meters?',
    answer: 54,
  },
  {
    id: 'm07',
    question: 'Sam saves 8 dollars every week. How many weeks does it take him to save 96 dollars?',
    answer: 12,
  },
  {
    id: 'm08',
    question:
      'There are 28 students in a class. Half of them walk to school and 5 ride bikes. The rest come by bus. How many come by bus?',
    answer: 9,
  },
  {
    id: 'm09',
    question:
      'A baker makes 144 cookies and packs them in bags of 12. She sells 9 bags. How many bags are left?',
    answer: 3,
  },
  {
    id: 'm10',
    question: 'Lena is 4 years older than her brother. Her brother is 9. How old will Lena be in 6 years?',
    answer: 19,
  },
  {
    id: 'm11',
    question:
      'A train travels 60 kilometers per hour. How many kilometers does it travel in 3 and a half hours?',
    answer: 210,
  },
  {
    id: 'm12',
    question:
      'A shirt costs 40 dollars. It is on sale for 25 percent off. What is the sale price in dollars?',
    answer: 30,
  },
  {
    id: 'm13',
    question:
      'Jake has 3 times as many marbles as Ben. Ben has 14 marbles. How many marbles do they have together?',
    answer: 56,
  },
  {
    id: 'm14',
    question:
      'A rope is 50 meters long. It is cut into pieces of 4 meters each. How many whole pieces are there?',
    answer: 12,
  },
  {
    id: 'm15',
    question: 'A farmer has 7 cows and 12 chickens. How many legs do the animals have in total?',
    answer: 52,
  },
  {
    id: 'm16',
    question: 'A movie starts at 6:45 pm and lasts 95 minutes. How many minutes after 8:00 pm does it end?',
    answer: 20,
  },
  { id: 'm17', question: 'Ava scored 82, 91 and 76 on three tests. What is her average score?', answer: 83 },
  {
    id: 'm18',
    question:
      'A pizza is cut into 8 slices. 3 friends each eat 2 slices. What fraction of the pizza is left, as a percentage?',
    answer: 25,
  },
  {
    id: 'm19',
    question:
      'A tank holds 200 liters. It is filled at 15 liters per minute. How many liters are in the tank after 8 minutes?',
    answer: 120,
  },
  {
    id: 'm20',
    question:
      'Noah buys 5 packs of stickers with 24 stickers each. He gives away 38 stickers. How many stickers does he keep?',
    answer: 82,
  },
  {
    id: 'm21',
    question:
      'A school orders 9 boxes of chalk with 16 sticks each and uses 57 sticks. How many sticks are left?',
    answer: 87,
  },
  {
    id: 'm22',
    question: 'The sum of two numbers is 50 and their difference is 14. What is the larger number?',
    answer: 32,
  },
  {
    id: 'm23',
    question:
      'A car uses 6 liters of fuel per 100 kilometers. How many liters does it use for 350 kilometers?',
    answer: 21,
  },
  {
    id: 'm24',
    question:
      'Emma earns 12 dollars an hour. She works 5 hours on Saturday and 3 hours on Sunday. How many dollars does she earn?',
    answer: 96,
  },
  {
    id: 'm25',
    question:
      'A library has 480 books. One third are novels and one quarter are science books. How many books are neither?',
    answer: 200,
  },
  {
    id: 'm26',
    question:
      'A rectangle has a perimeter of 30 centimeters and a width of 5 centimeters. What is its length in centimeters?',
    answer: 10,
  },
  {
    id: 'm27',
    question:
      'Oranges come in bags of 6. A class of 25 students needs one orange each. How many bags must the teacher buy?',
    answer: 5,
  },
  {
    id: 'm28',
    question:
      'A store had 250 balloons. It sold 35 on Monday and twice as many on Tuesday. How many balloons are left?',
    answer: 145,
  },
  {
    id: 'm29',
    question:
      'Liam runs 2 kilometers on weekdays and 5 kilometers on each weekend day. How many kilometers does he run in one week?',
    answer: 20,
  },
  {
    id: 'm30',
    question: 'A recipe needs 3 eggs for 12 muffins. How many eggs are needed for 60 muffins?',
    answer: 15,
  },
];
